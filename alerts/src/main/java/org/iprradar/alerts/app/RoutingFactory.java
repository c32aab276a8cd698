package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingTableLoader;

/**
 * The one routing book of the application, shared by the topology, the webhook worker and the API.
 * It starts with the routing file ({@code ipr.alerts.routing}); the {@code routing} topic's latest
 * valid record replaces it as soon as the topology has read it.
 */
@Factory
final class RoutingFactory {

  @Singleton
  RoutingBook routingBook(AlertsConfiguration config) {
    try {
      return new RoutingBook(
          RoutingInForce.startUp(RoutingTableLoader.load(config.routing()), config.routing()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
