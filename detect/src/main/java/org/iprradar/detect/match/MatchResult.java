package org.iprradar.detect.match;

import java.util.List;
import java.util.Map;

/**
 * What the matcher found in one listing.
 *
 * @param errors rules that failed on this listing, by rule id, with the reason; they never fail the
 *     listing
 */
public record MatchResult(List<RuleHit> hits, Map<String, String> errors) {
  public MatchResult {
    hits = List.copyOf(hits);
    errors = Map.copyOf(errors);
  }
}
