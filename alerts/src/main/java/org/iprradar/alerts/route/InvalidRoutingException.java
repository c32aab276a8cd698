package org.iprradar.alerts.route;

import java.util.List;
import java.util.stream.Collectors;

/** A routing table that cannot be used, with every problem found in it. */
public final class InvalidRoutingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<RoutingProblem> problems;

  public InvalidRoutingException(List<RoutingProblem> problems) {
    super(
        "invalid routing table: "
            + problems.stream().map(RoutingProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the table. */
  public List<RoutingProblem> problems() {
    return problems;
  }
}
