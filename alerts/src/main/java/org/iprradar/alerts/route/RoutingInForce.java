package org.iprradar.alerts.route;

import java.time.Instant;
import java.util.Objects;

/**
 * A validated routing table with its version, ready to route: the start-up YAML (version 0) or the
 * latest valid record of the {@code routing} topic.
 *
 * @param changedBy who made the change; for the start-up table, the file it came from
 * @param changedAt when the change was written; null for the start-up table
 */
public record RoutingInForce(
    int version,
    String changedBy,
    Instant changedAt,
    String comment,
    RoutingTable table,
    Router router,
    Escalator escalator) {

  public RoutingInForce {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(escalator, "escalator");
  }

  /** This table in force at this version. */
  public static RoutingInForce of(
      int version, String changedBy, Instant changedAt, String comment, RoutingTable table) {
    return new RoutingInForce(
        version, changedBy, changedAt, comment, table, new Router(table), new Escalator(table));
  }

  /** The table of the YAML file read at start-up, version 0: any record on the topic wins. */
  public static RoutingInForce startUp(RoutingTable table, String location) {
    return of(0, location, null, "start-up configuration", table);
  }
}
