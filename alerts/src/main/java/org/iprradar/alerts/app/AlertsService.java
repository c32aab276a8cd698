package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.iprradar.alerts.delivery.DeliveryWorker;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.alerts.store.AlertFolder;
import org.iprradar.alerts.store.AlertQueries;
import org.iprradar.alerts.store.AlertsTopology;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.web.ops.StreamsComponent;

/**
 * Runs the alerts topology for as long as the application runs, and answers queries on its store.
 */
@Singleton
public final class AlertsService implements AutoCloseable, StreamsComponent {

  private final StreamsApp app;
  private final AlertQueries queries;

  AlertsService(
      AlertsConfiguration config,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.data-dir:data}") String dataDir) {
    Router router;
    try {
      router = new Router(RoutingTableLoader.load(config.routing()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var kafka = new KafkaSettings(bootstrapServers, partitions, replicationFactor, null);
    this.app =
        StreamsApp.create(
            AlertsTopology.APPLICATION_ID,
            AlertsTopology.build(new AlertFolder(router)),
            kafka,
            Path.of(dataDir, "streams"),
            null);
    this.queries = new AlertQueries(app::streams);
  }

  @EventListener
  void onStartup(StartupEvent event) {
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
  }
}
