package org.iprradar.detect.operator;

import java.util.Map;
import org.iprradar.common.model.ScoringOverride;

/**
 * The scoring settings in force for {@code default} or one category.
 *
 * @param key {@code default} or the category
 * @param entry the operator's entry under the key (what a PUT replaces), or null when there is none
 * @param values every setting as it applies to the key's listings: start-up settings, then the
 *     {@code default} entry, then the category's entry
 */
public record CategorySettings(String key, ScoringOverride entry, Map<String, Double> values) {}
