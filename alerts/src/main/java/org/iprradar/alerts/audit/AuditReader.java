package org.iprradar.alerts.audit;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the audit topic newest first without loading it: each partition is read backwards in chunks
 * between the offsets of the requested times ({@code offsetsForTimes}), and the partitions are
 * merged by time. Only the page being answered is kept; a request reads at most {@code
 * ipr.audit.max-scan} records and then says the answer was truncated.
 */
@Singleton
public final class AuditReader {

  private static final Logger LOG = LoggerFactory.getLogger(AuditReader.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
  private static final int CHUNK = 500;

  /**
   * Records are stamped with the writing app's clock, so a partition's times are not strictly in
   * offset order: the offsets looked up are widened by this much and the times checked exactly.
   */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  private final KafkaSettings kafka;
  private final long maxScan;
  private final Deserializer<AuditRecord> values = Topics.AUDIT.valueSerde().deserializer();

  AuditReader(
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.audit.max-scan:500000}") long maxScan) {
    this.kafka = new KafkaSettings(bootstrapServers, 1, (short) 1, security.clientOverrides());
    if (maxScan < 1) {
      throw new IllegalArgumentException("ipr.audit.max-scan must be positive, was " + maxScan);
    }
    this.maxScan = maxScan;
  }

  /** The matching records from {@code offset}, at most {@code limit}, newest first. */
  public AuditPage page(AuditQuery query, int offset, int limit) {
    var entries = new ArrayList<AuditRecord>();
    int[] seen = {0};
    boolean[] more = {false};
    boolean truncated =
        scan(
            query,
            record -> {
              if (seen[0]++ < offset) {
                return true;
              }
              if (entries.size() < limit) {
                entries.add(record);
                return true;
              }
              more[0] = true;
              return false;
            });
    return new AuditPage(offset, limit, more[0], truncated, entries);
  }

  /**
   * Hands the matching records to {@code visitor}, newest first, until it answers false.
   *
   * @return whether the reading stopped at {@code ipr.audit.max-scan} with records left unread
   * @throws AuditReadException when Kafka does not answer in time
   */
  public boolean scan(AuditQuery query, Predicate<AuditRecord> visitor) {
    var props = kafka.clientConfig();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CHUNK);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipr-radar-audit-reader");
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.AUDIT.name(), READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return false;
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, READ_TIMEOUT);
      Map<TopicPartition, Long> lows =
          query.from() == null
              ? starts
              : offsetsAt(consumer, partitions, query.from().minus(CLOCK_SLACK), ends);
      Map<TopicPartition, Long> highs =
          query.to() == null
              ? ends
              : offsetsAt(consumer, partitions, query.to().plus(CLOCK_SLACK), ends);
      var reading =
          new PriorityQueue<Cursor>(
              Comparator.comparing((Cursor c) -> c.buffer.peekFirst().at()).reversed());
      long[] scanned = {0};
      for (TopicPartition partition : partitions) {
        var cursor =
            new Cursor(
                partition,
                Math.max(lows.get(partition), starts.get(partition)),
                highs.get(partition));
        if (cursor.fill(consumer, query, partitions, scanned)) {
          reading.add(cursor);
        }
      }
      while (!reading.isEmpty()) {
        if (scanned[0] > maxScan) {
          return true;
        }
        Cursor newest = reading.poll();
        if (!visitor.test(newest.buffer.pollFirst())) {
          return false;
        }
        if (newest.fill(consumer, query, partitions, scanned)) {
          reading.add(newest);
        }
      }
      return false;
    } catch (KafkaException e) {
      throw new AuditReadException("cannot read the audit topic: " + e.getMessage(), e);
    }
  }

  /** The first offset at or after {@code time} in each partition, the end where there is none. */
  private static Map<TopicPartition, Long> offsetsAt(
      KafkaConsumer<byte[], byte[]> consumer,
      List<TopicPartition> partitions,
      Instant time,
      Map<TopicPartition, Long> ends) {
    var wanted = new HashMap<TopicPartition, Long>();
    partitions.forEach(p -> wanted.put(p, Math.max(0, time.toEpochMilli())));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(wanted, READ_TIMEOUT);
    var offsets = new HashMap<TopicPartition, Long>();
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = found.get(p);
      offsets.put(p, at == null ? ends.get(p) : at.offset());
    }
    return offsets;
  }

  /** One partition read backwards: the matches of the chunk last read, newest first. */
  private final class Cursor {
    final TopicPartition partition;
    final long low;
    long next;
    final Deque<AuditRecord> buffer = new ArrayDeque<>();

    Cursor(TopicPartition partition, long low, long high) {
      this.partition = partition;
      this.low = low;
      this.next = high;
    }

    /**
     * Reads chunks backwards until one holds a match or the range is done.
     *
     * @return whether the buffer holds a record
     */
    boolean fill(
        KafkaConsumer<byte[], byte[]> consumer,
        AuditQuery query,
        List<TopicPartition> all,
        long[] scanned) {
      while (buffer.isEmpty() && next > low && scanned[0] <= maxScan) {
        long start = Math.max(low, next - CHUNK);
        var chunk = read(consumer, all, start, next);
        scanned[0] += next - start;
        next = start;
        chunk.sort(Comparator.comparing(AuditRecord::at).reversed());
        chunk.stream().filter(query::matches).forEach(buffer::addLast);
      }
      return !buffer.isEmpty();
    }

    private List<AuditRecord> read(
        KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> all, long start, long end) {
      consumer.pause(all);
      consumer.resume(List.of(partition));
      consumer.seek(partition, start);
      var records = new ArrayList<AuditRecord>();
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (consumer.position(partition, READ_TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new AuditReadException(
              "could not read " + partition + " of the audit within " + READ_TIMEOUT, null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() >= end || record.partition() != partition.partition()) {
            continue;
          }
          try {
            AuditRecord value = values.deserialize(record.topic(), record.value());
            if (value != null) {
              records.add(value);
            }
          } catch (RuntimeException e) {
            LOG.warn(
                "Skipping unreadable audit record {}-{}@{}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage());
          }
        }
      }
      return records;
    }
  }
}
