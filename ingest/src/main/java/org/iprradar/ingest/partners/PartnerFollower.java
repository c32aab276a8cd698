package org.iprradar.ingest.partners;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code partners} topic from the beginning into the {@link PartnerStore} and keeps
 * following it, so that a key issued or revoked on any ingest instance takes effect on every one.
 * Without a consumer group: every instance needs every partner. Start-up waits until the store has
 * caught up, so that a partner's first request after a restart is not refused for want of its key.
 */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
final class PartnerFollower {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerFollower.class);

  private final KafkaSettings kafka;
  private final PartnerStore store;
  private final Duration catchUpTimeout;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running = true;

  PartnerFollower(
      @Named("ingest") KafkaSettings kafka,
      PartnerStore store,
      @Value("${ipr.ingest.versions.catch-up-timeout:60s}") Duration catchUpTimeout) {
    this.kafka = kafka;
    this.store = store;
    this.catchUpTimeout = catchUpTimeout;
    this.thread = new Thread(this::run, "ipr-ingest-partners");
    thread.setDaemon(true);
  }

  @EventListener
  void onStartup(StartupEvent event) throws InterruptedException {
    TopicProvisioner.ensure(kafka, List.of(Topics.PARTNERS));
    thread.start();
    if (!caughtUp.await(catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("The partner directory did not catch up within {}", catchUpTimeout);
    }
  }

  private void run() {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipr-radar-ingest-partners");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    var partners = Topics.PARTNERS.valueSerde().deserializer();
    try (var c =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      var assigned =
          c.partitionsFor(Topics.PARTNERS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(assigned);
      c.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = c.endOffsets(assigned);
      while (running) {
        for (var record : c.poll(Duration.ofMillis(500))) {
          if (record.key() == null) {
            continue;
          }
          try {
            store.apply(
                record.key(),
                record.value() == null
                    ? null
                    : partners.deserialize(record.topic(), record.value()));
          } catch (RuntimeException e) {
            // The record is not echoed: it holds key hashes.
            LOG.warn("Skipping an unreadable partner at offset {}", record.offset());
          }
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
          LOG.info("Partner directory caught up: {} partners", store.all().size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("The partner directory stopped following the partners topic", e);
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
    thread.join(10_000);
  }
}
