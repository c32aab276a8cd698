package org.iprradar.ingest.versions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.FeedIngestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the listings topic from the beginning into {@link ListingVersions} and keeps following it,
 * so that versions written by other ingest instances (or before a restart) are known too. It reads
 * without a consumer group: every instance needs every partition.
 */
public final class VersionFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(VersionFollower.class);
  private static final long PROGRESS_EVERY = TimeUnit.SECONDS.toNanos(5);

  private final KafkaSettings kafka;
  private final ListingVersions versions;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;

  public VersionFollower(KafkaSettings kafka, ListingVersions versions) {
    this.kafka = kafka;
    this.versions = versions;
    this.thread = new Thread(this::run, "ipr-ingest-listing-versions");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** True once the table holds every listing that was in the topic when following started. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipr-radar-ingest-versions");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Fewer, larger fetches and polls: the table may lag by half a second, and costs less CPU
    // (this thread took a third of ingest's CPU under load with 256 KB fetches of 500 records).
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    var listings = Topics.LISTINGS.valueSerde().deserializer();
    // Keys stay bytes: most records read back are this instance's own, passed over unread.
    try (var c =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      var partitions =
          c.partitionsFor(Topics.LISTINGS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
      long toRead = 0;
      for (var p : partitions) {
        toRead += end.get(p) - begin.getOrDefault(p, 0L);
      }
      LOG.info("Reading the listing version table: up to {} records", toRead);
      long read = 0;
      long nextProgress = System.nanoTime() + PROGRESS_EVERY;
      while (running) {
        for (var record : c.poll(Duration.ofMillis(500))) {
          if (record.value() == null || record.key() == null) {
            continue;
          }
          // Ingest writes the version in a header; only records from other writers are parsed,
          // here rather than by the consumer so that one bad record is skipped.
          try {
            // One header, read once: each header look-up decodes the header's name.
            Header header = record.headers().lastHeader(FeedIngestor.VERSION_HEADER);
            long version;
            if (header != null) {
              byte[] value = header.value();
              int separator = separator(value);
              if (versions.ownAndSettled(value, separator, () -> keyOf(record.key()))) {
                read++;
                continue;
              }
              version = parseVersion(value, separator < 0 ? value.length : separator);
            } else {
              version = listings.deserialize(record.topic(), record.value()).version();
            }
            if (version > 0) {
              versions.observe(keyOf(record.key()), version);
            }
            read++;
          } catch (RuntimeException e) {
            LOG.debug("Skipping an unreadable listing at offset {}", record.offset(), e);
          }
        }
        if (caughtUp.getCount() > 0) {
          if (end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
            LOG.info("Listing version table caught up: {} listings read", read);
            caughtUp.countDown();
          } else if (System.nanoTime() > nextProgress) {
            LOG.info("Listing version table: {} of {} records read", read, toRead);
            nextProgress = System.nanoTime() + PROGRESS_EVERY;
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The listing version table stopped following the listings topic", e);
      caughtUp.countDown();
    }
  }

  /** Where the writer tag starts in a version header, less one; -1 in a header without one. */
  private static int separator(byte[] header) {
    for (int i = 0; i < header.length; i++) {
      if (header[i] == ListingVersions.TAG_SEPARATOR) {
        return i;
      }
    }
    return -1;
  }

  private static String keyOf(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  /**
   * The ASCII digits ingest writes in the version header, read without a String per record.
   *
   * @throws NumberFormatException when the header is not a whole number
   */
  static long parseVersion(byte[] digits, int length) {
    if (length == 0 || length > 18) {
      // 19 digits may overflow a long: the careful parse, for the rare huge version.
      return Long.parseLong(new String(digits, 0, length, StandardCharsets.US_ASCII));
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      byte b = digits[i];
      if (b < '0' || b > '9') {
        throw new NumberFormatException(
            "not a version: " + new String(digits, 0, length, StandardCharsets.US_ASCII));
      }
      value = value * 10 + (b - '0');
    }
    return value;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    var c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.join(10_000);
  }
}
