package org.iprradar.detect.rules;

import java.util.Objects;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.score.BrandRegistry;

/**
 * One published state of the rule book: the compiled rules with their presearch index, and the
 * brand registry they were derived from. Immutable; matching a listing uses one set from start to
 * end.
 *
 * @param version increases with every publication
 */
public record RuleSet(long version, ListingMatcher matcher, BrandRegistry brands) {
  public RuleSet {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(brands, "brands");
  }
}
