package org.iprradar.detect.operator;

import java.util.List;
import java.util.Map;

/**
 * The scoring settings in force, for the operator's page.
 *
 * @param version the weights version assessments record now
 * @param fields the settable numeric fields with the highest value each takes (0 is the lowest)
 * @param defaults the settings of every listing whose category has none of its own
 * @param categories the categories with an entry or start-up category points, by name
 */
public record ScoringView(
    String version,
    Map<String, Double> fields,
    CategorySettings defaults,
    List<CategorySettings> categories) {}
