package org.iprradar.common.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One operator change of a rule, brand or scoring settings, as kept in the append-only {@code
 * rule-changes} topic: who changed what, when, and the value before and after.
 *
 * @param kind {@code rule}, {@code brand} or {@code scoring} (id: {@code default} or a category)
 * @param version the version the change gave it (for a delete, the version deleted)
 * @param action CREATE, UPDATE, DISABLE, ENABLE, DELETE or IMPORT
 * @param before the value before, or null when there was none
 * @param after the value after, or null for a delete
 * @param changedFields the fields whose values differ between before and after
 */
public record ConfigChange(
    String kind,
    String id,
    int version,
    String action,
    String changedBy,
    Instant changedAt,
    JsonNode before,
    JsonNode after,
    List<String> changedFields) {

  public static final String RULE = "rule";
  public static final String BRAND = "brand";
  public static final String SCORING = "scoring";

  public ConfigChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(action, "action");
    changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
  }

  /** The key in the history topic, so that one rule's changes stay in order in one partition. */
  public String key() {
    return key(kind, id);
  }

  public static String key(String kind, String id) {
    return kind + ":" + id;
  }
}
