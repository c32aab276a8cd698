package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change of scoring settings to try before saving it.
 *
 * @param key {@code default} or a listing category
 * @param settings the entry to try under the key, as it would be saved (fields left out keep the
 *     value beneath); null with {@code delete}
 * @param delete true to try removing the key's entry instead
 * @param limit how many of the most recent listings to try it on; null for all kept
 * @param examples how many example listings to return, at most 50; null for 10
 * @param sample listings as NDJSON to try it on instead of the recent ones
 */
public record ScoringPreviewRequest(
    String key,
    JsonNode settings,
    Boolean delete,
    Integer limit,
    Integer examples,
    String sample) {}
