package org.iprradar.ingest.publish;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;

/** The Kafka side of ingest, present whenever a cluster is configured. */
@Factory
@Requires(property = "kafka.bootstrap-servers")
final class PublishFactory {

  @Singleton
  @Named("ingest")
  KafkaSettings kafkaSettings(
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor) {
    return new KafkaSettings(
        bootstrapServers, partitions, replicationFactor, security.clientOverrides());
  }

  @Singleton
  @Bean(preDestroy = "close")
  FeedPublisher feedPublisher(
      @Named("ingest") KafkaSettings kafka,
      @Value("${ipr.ingest.max-in-flight-records:100000}") int maxInFlight,
      @Value("${ipr.ingest.max-block:10s}") java.time.Duration maxBlock,
      @Value("${ipr.ingest.producer.batch-size:" + ProducerSettings.DEFAULT_BATCH_SIZE + "}")
          int batchSize,
      @Value("${ipr.ingest.producer.compression:" + ProducerSettings.DEFAULT_COMPRESSION + "}")
          String compression) {
    var config = ProducerSettings.of(kafka, FeedPublisher.APPLICATION, batchSize, compression);
    // send() blocks while it has no metadata for the topic (the broker is away): answer 503 within
    // seconds rather than holding the partner's connection for the client default of a minute.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
    return new FeedPublisher(
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        maxInFlight);
  }
}
