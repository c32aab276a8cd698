package org.iprradar.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;

/**
 * Reads the pipeline's committed output as it appears and notes, per listing of the run, when its
 * first assessment (or pass-through record), its lead and its first alert version were seen. The
 * time is this JVM's clock, the same the 202 was timed with, so the difference is what a partner
 * would wait from the 202 to the assessment and to the alert.
 */
final class LatencyWatcher implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final String outputTopic;
  private final String keyPrefix;
  private final AtomicLongArray output;
  private final AtomicLongArray alert;
  private final AtomicLongArray lead;
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  /**
   * @param outputTopic assessments, or the pass-through's output
   * @param withAlerts also read leads and alert versions
   * @param keyPrefix the listing keys of this run, such as {@code taobao:full-}
   * @param capacity the most listings the run can post
   */
  LatencyWatcher(
      KafkaSettings kafka, String outputTopic, boolean withAlerts, String keyPrefix, int capacity) {
    var config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Fetch what there is at once: the default half-second wait would be measured as latency.
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.outputTopic = outputTopic;
    this.keyPrefix = keyPrefix;
    this.output = new AtomicLongArray(capacity);
    this.alert = new AtomicLongArray(capacity);
    this.lead = new AtomicLongArray(capacity);
    var partitions = new ArrayList<TopicPartition>();
    List<String> topics =
        withAlerts
            ? List.of(outputTopic, Topics.LEADS.name(), Topics.ALERT_DELIVERIES.name())
            : List.of(outputTopic);
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    // Resolve the end positions now, before the first listing is posted.
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::run, "latency-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        for (var record : records) {
          see(record, now);
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void see(ConsumerRecord<String, byte[]> record, long now) {
    String topic = record.topic();
    if (topic.equals(outputTopic)) {
      int n = number(record.key());
      if (n >= 0 && !output.compareAndSet(n, 0, now)) {
        duplicates.incrementAndGet();
      }
      return;
    }
    try {
      if (topic.equals(Topics.LEADS.name())) {
        int n = number(ListingKeys.ofLead(record.value()));
        if (n >= 0) {
          lead.compareAndSet(n, 0, now);
        }
      } else {
        ListingKeys.ofAlert(
            record.value(),
            key -> {
              int n = number(key);
              if (n >= 0) {
                alert.compareAndSet(n, 0, now);
              }
            });
      }
    } catch (IOException e) {
      unreadable.incrementAndGet();
    }
  }

  private int number(String key) {
    if (key == null || !key.startsWith(keyPrefix)) {
      return -1;
    }
    try {
      int n = Integer.parseInt(key, keyPrefix.length(), key.length(), 10);
      return n < output.length() ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** When listing {@code n}'s first output was seen ({@link System#nanoTime}), or 0. */
  long output(int n) {
    check();
    return output.get(n);
  }

  long lead(int n) {
    return lead.get(n);
  }

  long alert(int n) {
    return alert.get(n);
  }

  /** Outputs seen more than once for one listing: exactly-once would make this 0. */
  long duplicates() {
    return duplicates.get();
  }

  long unreadable() {
    return unreadable.get();
  }

  private void check() {
    if (failure != null) {
      throw new IllegalStateException("the latency watcher failed", failure);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
