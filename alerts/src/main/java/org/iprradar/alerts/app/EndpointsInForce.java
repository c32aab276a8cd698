package org.iprradar.alerts.app;

import java.util.function.Function;
import java.util.function.Supplier;
import org.iprradar.alerts.delivery.WebhookEndpoints;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingInForce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoints of the bureaus of the routing in force, read again from the environment
 * only when the routing changes.
 */
final class EndpointsInForce implements Supplier<WebhookEndpoints> {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointsInForce.class);

  private final RoutingBook routing;
  private final Function<String, String> lookup;
  private RoutingInForce readFor;
  private WebhookEndpoints endpoints;

  EndpointsInForce(RoutingBook routing, Function<String, String> lookup) {
    this.routing = routing;
    this.lookup = lookup;
  }

  @Override
  public synchronized WebhookEndpoints get() {
    RoutingInForce current = routing.current();
    if (current != readFor) {
      try {
        endpoints = WebhookEndpoints.from(current.table().bureaus(), lookup);
        LOG.info(
            "Webhook endpoints of routing version {}: {}",
            current.version(),
            endpoints.all().stream().map(e -> e.bureauId()).toList());
      } catch (IllegalArgumentException e) {
        // A bad variable of a new bureau must not stop deliveries to the others.
        LOG.error("Keeping the webhook endpoints in use: {}", e.getMessage());
        if (endpoints == null) {
          throw e;
        }
      }
      readFor = current;
    }
    return endpoints;
  }
}
