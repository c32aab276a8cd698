package org.iprradar.ingest.publish;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Listing;

/**
 * Writes listings to the {@code listings} topic. The future of a batch completes only when Kafka
 * has acknowledged every record of it (acks=all, idempotent), so a 202 is never given for a record
 * that is not kept.
 */
@Singleton
public final class ListingPublisher implements AutoCloseable {

  /** The producer's client id and the application tag of its meters. */
  public static final String APPLICATION = "ipr-radar-ingest";

  private final KafkaSettings kafka;
  private final Producer<String, Listing> producer;
  private final KafkaClientMetrics metrics;

  ListingPublisher(
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor) {
    this.kafka = new KafkaSettings(bootstrapServers, partitions, replicationFactor, null);
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig(APPLICATION),
            Topics.LISTINGS.keySerde().serializer(),
            Topics.LISTINGS.valueSerde().serializer());
    // Send rates, errors, retries and request latency: Kafka's own producer metrics.
    this.metrics = new KafkaClientMetrics(producer, List.of(Tag.of("application", APPLICATION)));
    metrics.bindTo(PipelineMetrics.registry());
  }

  @EventListener
  void onStartup(StartupEvent event) {
    TopicProvisioner.ensure(kafka, Topics.ALL);
  }

  /** Sends the listings, keyed {@code platform:listingId}; completes when all are acknowledged. */
  public CompletableFuture<Void> publish(List<Listing> listings) {
    var acks = new CompletableFuture<?>[listings.size()];
    for (int i = 0; i < listings.size(); i++) {
      Listing listing = listings.get(i);
      var ack = new CompletableFuture<Void>();
      acks[i] = ack;
      try {
        producer.send(
            new ProducerRecord<>(Topics.LISTINGS.name(), listing.key(), listing),
            (metadata, error) -> {
              if (error == null) {
                PipelineMetrics.recordsOut(APPLICATION, Topics.LISTINGS.name(), 1);
                ack.complete(null);
              } else {
                ack.completeExceptionally(error);
              }
            });
      } catch (RuntimeException e) {
        // send() itself throws when the producer cannot buffer the record (e.g. metadata timeout).
        ack.completeExceptionally(e);
      }
    }
    return CompletableFuture.allOf(acks);
  }

  @PreDestroy
  @Override
  public void close() {
    metrics.close();
    producer.close(Duration.ofSeconds(10));
  }
}
