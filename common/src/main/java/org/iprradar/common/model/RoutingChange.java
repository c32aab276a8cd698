package org.iprradar.common.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One version of the alerts' routing configuration as the {@code routing} topic holds it: the whole
 * bureau directory, routing table and escalation thresholds, and who changed it, when and why. The
 * table is kept as written, so that a record whose table is refused can still be read, shown in the
 * history and dead-lettered with the reasons.
 *
 * @param version set by the operator (the HTTP API sets the next one); a version no higher than the
 *     one in force is refused, so an old record replayed cannot undo a newer change
 * @param changedBy who made the change
 * @param changedAt when it was written
 * @param comment why, for the history
 * @param table the routing table as JSON, in the form of the routing YAML file
 */
public record RoutingChange(
    int version, String changedBy, Instant changedAt, String comment, JsonNode table) {

  /** The one key of the topic's records: the configuration is one document. */
  public static final String KEY = "table";
}
