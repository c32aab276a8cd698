package org.iprradar.detect.operator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.TriageAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the leads and triage-actions topics for {@link PerformanceTally}: the first request reads
 * them from the beginning, each later one only what was written since, with one consumer kept open
 * (no group, nothing committed). The figures are those of reading both topics whole at the moment
 * of the request; the cost of a request grows with what is new, not with the topics. A request
 * waits for the one before it.
 */
public final class PerformanceReader implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceReader.class);
  private static final List<String> TOPICS =
      List.of(Topics.LEADS.name(), Topics.TRIAGE_ACTIONS.name());

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final Duration timeout;
  private final Supplier<List<Rule>> rules;
  private final RecentListings recent;
  private final PerformanceTally tally = new PerformanceTally();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private Consumer<String, byte[]> consumer;

  /**
   * @param consumers opens the consumer, at the first request (see {@link TopicReader#consumer})
   * @param timeout how long a request may take to catch up before it fails
   */
  public PerformanceReader(
      Supplier<Consumer<String, byte[]>> consumers,
      Duration timeout,
      Supplier<List<Rule>> rules,
      RecentListings recent) {
    this.consumers = consumers;
    this.timeout = timeout;
    this.rules = rules;
    this.recent = recent;
  }

  /**
   * @throws IllegalStateException when the topics cannot be read to their end within the timeout;
   *     what was read so far stays counted, and the next request goes on from there
   */
  public synchronized List<RulePerformance> read() {
    catchUp();
    return tally.result(rules.get(), recent.hitsByRule());
  }

  private void catchUp() {
    if (consumer == null) {
      consumer = consumers.get();
    }
    assignNewPartitions();
    Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "could not read the leads and triage actions to their end within " + timeout);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        count(record);
      }
    }
  }

  /** Partitions added since (or all, at the first request) are read from their beginning. */
  private void assignNewPartitions() {
    var now = new HashSet<TopicPartition>();
    for (String topic : TOPICS) {
      consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .forEach(now::add);
    }
    if (!assigned.containsAll(now)) {
      var added = new HashSet<>(now);
      added.removeAll(assigned);
      assigned.addAll(now);
      consumer.assign(assigned);
      consumer.seekToBeginning(added);
    }
  }

  private void count(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    try {
      if (record.topic().equals(Topics.LEADS.name())) {
        Lead lead =
            Topics.LEADS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        tally.add(lead);
      } else {
        TriageAction action =
            Topics.TRIAGE_ACTIONS
                .valueSerde()
                .deserializer()
                .deserialize(record.topic(), record.value());
        tally.add(action);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Skipping unreadable {} record at offset {}: {}",
          record.topic(),
          record.offset(),
          e.getMessage());
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (var entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized void close() {
    if (consumer != null) {
      consumer.close();
      consumer = null;
    }
  }
}
