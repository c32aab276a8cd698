package org.iprradar.detect.rules;

import java.util.Objects;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.score.BrandRegistry;

/**
 * One published state of the rule book: the compiled rules with their presearch index, and the
 * brand registry they were derived from. Immutable; matching a listing uses one set from start to
 * end.
 *
 * @param version increases with every publication; counts publications of this process only
 * @param rulesVersion a digest of the operator rules in the set, the same for the same rules after
 *     a restart; the rules version an assessment records
 * @param brandsVersion a digest of the brands in the set, likewise
 */
public record RuleSet(
    long version,
    ListingMatcher matcher,
    BrandRegistry brands,
    String rulesVersion,
    String brandsVersion) {
  public RuleSet {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(brands, "brands");
    Objects.requireNonNull(rulesVersion, "rulesVersion");
    Objects.requireNonNull(brandsVersion, "brandsVersion");
  }
}
