package org.iprradar.detect.operator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.KafkaSettings;

/**
 * Reads a topic from its beginning to the end it had when the read started, with a consumer of its
 * own and no group: operator questions (a rule's history, verdicts per rule) are rare and must see
 * everything, and committing offsets would only get in the way.
 */
public final class TopicReader {

  private final KafkaSettings kafka;
  private final Duration timeout;

  public TopicReader(KafkaSettings kafka, Duration timeout) {
    this.kafka = kafka;
    this.timeout = timeout;
  }

  /**
   * @param keep which records to keep, so that a long topic is not held in memory whole
   * @throws IllegalStateException when the end is not reached within the timeout
   */
  public List<ConsumerRecord<String, byte[]>> read(
      String topic, Predicate<ConsumerRecord<String, byte[]>> keep) {
    var kept = new ArrayList<ConsumerRecord<String, byte[]>>();
    try (var consumer = consumer("ipr-radar-operator-reader")) {
      var partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read topic " + topic + " to its end within " + timeout);
        }
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          if (keep.test(record)) {
            kept.add(record);
          }
        }
      }
    }
    return kept;
  }

  /**
   * A consumer of committed records with no group, assigned nothing yet; for a reader that keeps it
   * open and follows topics ({@link PerformanceReader}).
   */
  public KafkaConsumer<String, byte[]> consumer(String clientId) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** How long a read may take. */
  public Duration timeout() {
    return timeout;
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (var entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}
