package org.iprradar.alerts.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.iprradar.alerts.route.RoutingProblem;

/**
 * One record of the {@code routing} topic, and whether it was put in force.
 *
 * @param offset its offset in the topic, to find it there
 * @param accepted whether it was put in force when it arrived; a refused one has its problems
 * @param changes for an accepted version, what it changed against the version before it (the
 *     start-up file for the first), one line per value
 * @param table the table as written; null for a record that could not be read
 */
public record RoutingHistoryEntry(
    long offset,
    Integer version,
    String changedBy,
    Instant changedAt,
    String comment,
    boolean accepted,
    List<RoutingProblem> problems,
    List<String> changes,
    JsonNode table) {

  public RoutingHistoryEntry {
    problems = List.copyOf(problems);
    changes = List.copyOf(changes);
  }
}
