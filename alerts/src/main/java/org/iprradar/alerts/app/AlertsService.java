package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iprradar.alerts.delivery.DeliveryWorker;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.store.AlertFolder;
import org.iprradar.alerts.store.AlertQueries;
import org.iprradar.alerts.store.AlertsTopology;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.web.ops.StreamsComponent;

/**
 * Runs the alerts topology for as long as the application runs, and answers queries on its store.
 */
@Singleton
public final class AlertsService implements AutoCloseable, StreamsComponent {

  private final KafkaSettings kafka;
  private final StreamsApp app;
  private final AlertQueries queries;
  private final KafkaProducer<byte[], byte[]> routingDeadLetters;

  AlertsService(
      AlertsConfiguration config,
      RoutingBook routing,
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.data-dir:data}") String dataDir,
      @Value("${ipr.alerts.codec-cache-mb:32}") long codecCacheMb,
      @Nullable TokenGenerator tokens) {
    this.kafka =
        new KafkaSettings(
            bootstrapServers, partitions, replicationFactor, security.clientOverrides());
    this.routingDeadLetters =
        new KafkaProducer<>(
            kafka.durableProducerConfig(AlertsTopology.APPLICATION_ID + "-routing-dead-letters"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.app =
        StreamsApp.create(
            AlertsTopology.APPLICATION_ID,
            AlertsTopology.build(
                new AlertFolder(routing), routingDeadLetters, codecCacheBytes(codecCacheMb)),
            kafka,
            Path.of(dataDir, "streams"),
            PeerSettings.applicationServer(config));
    // Without a token generator security is off (a test configuration): peers ask without one.
    Supplier<String> peerToken =
        tokens == null ? () -> null : new PeerToken(tokens, Clock.systemUTC());
    this.queries = PeerSettings.queries(config, app::streams, peerToken);
  }

  private static long codecCacheBytes(long megabytes) {
    if (megabytes < 0 || megabytes > 64 * 1024) {
      throw new IllegalArgumentException(
          "ipr.alerts.codec-cache-mb must be between 0 and 65536, was " + megabytes);
    }
    return megabytes << 20;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    // The routing topic is new; a cluster set up before it existed gets it here.
    TopicProvisioner.ensure(kafka, Topics.ALL);
    app.start();
  }

  public AlertQueries queries() {
    return queries;
  }

  @Override
  public StreamsApp streamsApp() {
    return app;
  }

  /** The topology's group and the webhook worker's, both run by the alerts app. */
  @Override
  public List<String> consumerGroups() {
    return List.of(AlertsTopology.APPLICATION_ID, DeliveryWorker.GROUP_ID);
  }

  @PreDestroy
  @Override
  public void close() {
    app.close();
    routingDeadLetters.close(Duration.ofSeconds(10));
  }
}
