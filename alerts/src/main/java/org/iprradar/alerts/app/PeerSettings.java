package org.iprradar.alerts.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.iprradar.alerts.store.AlertQueries;

/**
 * How this alerts instance takes part in a group of instances: the address it advertises ({@code
 * ipr.alerts.advertised-url}) and how long it waits for the others ({@code
 * ipr.alerts.peer-timeout}). Without an address the instance is alone and answers from its own
 * store.
 */
final class PeerSettings {

  private PeerSettings() {}

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

  /** The Streams {@code application.server} for this instance, or null when it is alone. */
  static String applicationServer(AlertsConfiguration config) {
    HostInfo self = advertised(config.advertisedUrl());
    return self == null ? null : AlertQueries.address(self);
  }

  /** Queries that ask the other instances when this one advertises an address. */
  static AlertQueries queries(
      AlertsConfiguration config, Supplier<KafkaStreams> streams, Supplier<String> peerToken) {
    HostInfo self = advertised(config.advertisedUrl());
    if (self == null) {
      return new AlertQueries(streams);
    }
    Duration timeout = config.peerTimeout();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "ipr.alerts.peer-timeout must be positive, e.g. 2s, was " + timeout);
    }
    return new AlertQueries(streams, self, new HttpPeerAlerts(timeout, peerToken));
  }
}
