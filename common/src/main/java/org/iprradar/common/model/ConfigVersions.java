package org.iprradar.common.model;

import java.util.Objects;

/**
 * The versions of the configuration an assessment was made with, so that a score can be traced to
 * the rules, brands and weights behind it. Each is a digest of content, not a counter: the same
 * configuration has the same version after any restart and on every instance, and any change to it
 * gives another.
 *
 * @param rules digest of the operator rules in force, each with its id, version and query
 * @param brands digest of the protected brands in force, each with its version, names and price
 *     band
 * @param weights digest of the scoring weights and thresholds in force: the start-up settings and
 *     every entry of the {@code scoring-settings} topic
 */
public record ConfigVersions(String rules, String brands, String weights) {

  public ConfigVersions {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(brands, "brands");
    Objects.requireNonNull(weights, "weights");
  }
}
