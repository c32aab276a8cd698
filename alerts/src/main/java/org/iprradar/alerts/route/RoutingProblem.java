package org.iprradar.alerts.route;

import java.util.Objects;

/**
 * One thing wrong with a routing table, so that an operator can fix every one in one go.
 *
 * @param path where in the table, as {@code routes[3].bureau} or {@code
 *     escalation.referralSales.PIRACY_COPYRIGHT}; the empty string for the table as a whole
 * @param reason why, naming the offending value
 */
public record RoutingProblem(String path, String reason) {

  public RoutingProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? reason : path + ": " + reason;
  }
}
