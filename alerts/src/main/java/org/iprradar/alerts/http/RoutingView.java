package org.iprradar.alerts.http;

import java.time.Instant;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingTable;

/**
 * The routing in force: its version (0 for the start-up file), who changed it, when and why, and
 * the whole table in the form {@code PUT} takes.
 */
public record RoutingView(
    int version, String changedBy, Instant changedAt, String comment, RoutingTable table) {

  static RoutingView of(RoutingInForce routing) {
    return new RoutingView(
        routing.version(),
        routing.changedBy(),
        routing.changedAt(),
        routing.comment(),
        routing.table());
  }
}
