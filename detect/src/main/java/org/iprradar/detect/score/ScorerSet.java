package org.iprradar.detect.score;

import java.util.Map;
import java.util.Objects;

/**
 * One published state of the scoring settings: a scorer for each category that has settings of its
 * own, one for every other listing, and the version of the whole. Immutable; a listing is scored
 * with one set from start to end.
 *
 * @param version a digest of the settings (see {@link ContentDigest}), the weights version an
 *     assessment records
 * @param fallback the scorer of listings whose category has no settings of its own
 * @param byCategory scorers by listing category
 */
public record ScorerSet(String version, Scorer fallback, Map<String, Scorer> byCategory) {

  public ScorerSet {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(fallback, "fallback");
    byCategory = Map.copyOf(byCategory);
  }

  /** One scorer for every listing, its settings fixed. */
  public static ScorerSet of(Scorer scorer) {
    String version =
        ContentDigest.start()
            .add("settings", scorer.settings())
            .add("seller", scorer.sellerWeights())
            .add("context", scorer.contextWeights())
            .finish();
    return new ScorerSet(version, scorer, Map.of());
  }

  /** The scorer of a listing of {@code category}, which may be null. */
  public Scorer forCategory(String category) {
    Scorer scorer = category == null ? null : byCategory.get(category);
    return scorer != null ? scorer : fallback;
  }
}
