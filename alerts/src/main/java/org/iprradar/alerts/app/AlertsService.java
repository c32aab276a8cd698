package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.alerts.store.AlertFolder;
import org.iprradar.alerts.store.AlertQueries;
import org.iprradar.alerts.store.AlertsTopology;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;

/**
 * Runs the alerts topology for as long as the application runs, and answers queries on its store.
 */
@Singleton
public final class AlertsService implements AutoCloseable {

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
    HostInfo self = advertised(config.advertisedUrl());
    this.app =
        StreamsApp.create(
            AlertsTopology.APPLICATION_ID,
            AlertsTopology.build(new AlertFolder(router)),
            kafka,
            Path.of(dataDir, "streams"),
            self == null ? null : AlertQueries.address(self));
    this.queries =
        self == null
            ? new AlertQueries(app::streams)
            : new AlertQueries(app::streams, self, new HttpPeerAlerts(peerTimeout(config)));
  }

  private static Duration peerTimeout(AlertsConfiguration config) {
    Duration timeout = config.peerTimeout();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "ipr.alerts.peer-timeout must be positive, e.g. 2s, was " + timeout);
    }
    return timeout;
  }

  /**
   * The {@code host:port} of {@code ipr.alerts.advertised-url}, or null when it is not set.
   *
   * @throws IllegalArgumentException when it is not an {@code http://host:port} URL
   */
  static HostInfo advertised(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "ipr.alerts.advertised-url must be http://host:port, was '" + url + "'", e);
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "ipr.alerts.advertised-url must be http://host:port (with the port), was '" + url + "'");
    }
    return new HostInfo(uri.getHost(), uri.getPort());
  }

  @EventListener
  void onStartup(StartupEvent event) {
    app.start();
  }

  public AlertQueries queries() {
    return queries;
  }

  public StreamsApp streamsApp() {
    return app;
  }

  @PreDestroy
  @Override
  public void close() {
    app.close();
  }
}
