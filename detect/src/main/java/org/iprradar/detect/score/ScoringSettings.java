package org.iprradar.detect.score;

import java.util.List;

/**
 * The weights and thresholds of scoring; configuration, not code.
 *
 * @param brandMentionWeight points for naming a protected brand outside its official shops
 * @param priceBelowBandWeight points for a brand's listing priced far below its reference band
 * @param priceBandRatio how far below: a price under {@code referencePriceMin × ratio} counts
 * @param leadThreshold an assessment at or above this score becomes a lead
 * @param compatibilityMarkers words that, right before a brand name, mean a compatible accessory
 *     (适用于苹果) rather than a claim to be the brand
 */
public record ScoringSettings(
    double brandMentionWeight,
    double priceBelowBandWeight,
    double priceBandRatio,
    double leadThreshold,
    List<String> compatibilityMarkers) {

  public static final ScoringSettings DEFAULTS =
      new ScoringSettings(25, 35, 0.3, 60, List.of("适用于", "适用", "兼容", "适配", "用于", "for", "fits"));

  public ScoringSettings {
    requireWithin("brandMentionWeight", brandMentionWeight, 0, 100);
    requireWithin("priceBelowBandWeight", priceBelowBandWeight, 0, 100);
    requireWithin("priceBandRatio", priceBandRatio, 0, 1);
    requireWithin("leadThreshold", leadThreshold, 0, 100);
    compatibilityMarkers =
        compatibilityMarkers == null ? List.of() : List.copyOf(compatibilityMarkers);
  }

  private static void requireWithin(String name, double value, double min, double max) {
    if (value < min || value > max || Double.isNaN(value)) {
      throw new IllegalArgumentException(
          name + " must be within " + min + ".." + max + ", was " + value);
    }
  }
}
