package org.iprradar.common.model;

import java.util.Objects;

/**
 * An operator's detection rule: a query in Lucene's query syntax over the listing's {@code title},
 * {@code description} and {@code shopName}, and what a hit means.
 *
 * @param weight points a hit adds to the score, 0-100
 * @param category the listing category the rule is limited to, or null for every category
 * @param bureauHint a bureau that should see hits of this rule, or null to leave it to routing
 * @param description why the rule exists, for the analyst reading the evidence
 */
public record Rule(
    String id,
    int version,
    String query,
    InfringementType infringementType,
    String category,
    double weight,
    String bureauHint,
    boolean enabled,
    String description) {

  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(infringementType, "infringementType");
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException(
          "rule " + id + ": weight must be within 0..100, was " + weight);
    }
    version = Math.max(version, 1);
    description = description == null ? "" : description;
  }
}
