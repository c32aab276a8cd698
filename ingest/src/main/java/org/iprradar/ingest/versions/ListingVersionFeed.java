package org.iprradar.ingest.versions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.FeedIngestor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the listings topic from the beginning into {@link ListingVersions} and keeps following it,
 * so that versions written by other ingest instances (or before a restart) are known too. It reads
 * without a consumer group: every instance needs every partition.
 *
 * <p>Start-up waits until the table has caught up with the topic's end, up to {@code
 * ipr.ingest.versions.catch-up-timeout}: answering before that could re-send a known version.
 */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
public final class ListingVersionFeed {

  private static final Logger LOG = LoggerFactory.getLogger(ListingVersionFeed.class);

  private final KafkaSettings kafka;
  private final ListingVersions versions;
  private final Duration catchUpTimeout;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;
  private Thread thread;

  ListingVersionFeed(
      @Named("ingest") KafkaSettings kafka,
      ListingVersions versions,
      @Value("${ipr.ingest.versions.catch-up-timeout:60s}") Duration catchUpTimeout) {
    this.kafka = kafka;
    this.versions = versions;
    this.catchUpTimeout = catchUpTimeout;
  }

  @EventListener
  void onStartup(StartupEvent event) throws InterruptedException {
    TopicProvisioner.ensure(kafka, Topics.ALL);
    thread = new Thread(this::run, "ipr-ingest-listing-versions");
    thread.setDaemon(true);
    thread.start();
    if (!caughtUp.await(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn(
          "The listing version table did not catch up within {}; an old version may be sent again",
          catchUpTimeout);
    }
  }

  private void run() {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipr-radar-ingest-versions");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Fewer, larger fetches: the table may lag by a fraction of a second, and costs less CPU.
    config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
    var listings = Topics.LISTINGS.valueSerde().deserializer();
    try (var c =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      var partitions =
          c.partitionsFor(Topics.LISTINGS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long read = 0;
      while (running) {
        for (var record : c.poll(Duration.ofMillis(500))) {
          if (record.value() == null || record.key() == null) {
            continue;
          }
          // Ingest writes the version in a header; only records from other writers are parsed.
          // Deserialised here rather than by the consumer so that one bad record is skipped.
          try {
            Header header = record.headers().lastHeader(FeedIngestor.VERSION_HEADER);
            long version =
                header != null
                    ? Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII))
                    : listings.deserialize(record.topic(), record.value()).version();
            if (version > 0) {
              versions.observe(record.key(), version);
            }
            read++;
          } catch (RuntimeException e) {
            LOG.debug("Skipping an unreadable listing at offset {}", record.offset(), e);
          }
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
          LOG.info("Listing version table caught up: {} listings read", read);
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The listing version table stopped following the listings topic", e);
      caughtUp.countDown();
    }
  }

  @PreDestroy
  void close() throws InterruptedException {
    running = false;
    var c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      thread.join(10_000);
    }
  }
}
