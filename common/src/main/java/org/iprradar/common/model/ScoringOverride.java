package org.iprradar.common.model;

/**
 * An operator's change to the scoring weights and thresholds, the value of the compacted {@code
 * scoring-settings} topic. The key says what it applies to: {@link #ALL_CATEGORIES} for every
 * listing, or a listing category ({@code food}) for that category only, on top of the entry for
 * all. A field left out (null) keeps the value beneath it; detect's start-up configuration is the
 * bottom. A tombstone removes the entry.
 *
 * @param version set by the operator, 1 or more; logged when the entry takes effect
 * @param leadThreshold score from which an assessment becomes a lead, 0-100
 * @param brandMentionWeight points for naming a protected brand outside its official shops
 * @param priceBelowBandWeight points for a (unit) price far below the brand's reference band
 * @param priceBandRatio how far below: a (unit) price under the band's minimum × this ratio, 0-1
 * @param priceWithinBandWeight points taken off for a (unit) price within the band
 * @param categoryPoints points for a listing of the category, added when it shows another positive
 *     signal; only in an entry for one category
 * @param crossBorderWeight points for a cross-border listing of a protected brand
 * @param implausibleNutrientWeight points for a fertiliser claiming impossible nutrient content
 * @param maxPlausibleNutrientPercent the highest N+P₂O₅+K₂O a compound fertiliser can carry, 0-100
 * @param sellerBlacklistedWeight points for a seller on the credit blacklist
 * @param sellerPenaltyWeight points for each prior penalty for counterfeiting or IP infringement
 * @param sellerPenaltyCap the most points prior penalties add together
 * @param sellerConfirmedAlertWeight points for each confirmed earlier alert on the seller
 * @param sellerConfirmedAlertCap the most points confirmed alerts add together
 * @param sellerHistoryCap the most points a seller's history adds to a listing's score
 * @param networkShare the share of the riskiest linked seller's history points a listing of another
 *     member of the network gets, 0-1 (1 excluded: a network weighs less than the seller's own)
 * @param networkCap the most points the seller-network signal adds
 * @param listingComplaintWeight points per complaint naming the listing in the last 30 days
 * @param listingComplaintCap the most points the listing's complaints add
 * @param sellerComplaintWeight points per further complaint naming the seller in those 30 days
 * @param sellerComplaintCap the most points the seller's complaints add
 * @param surgeWeight points for a complaint surge (what counts as a surge stays configuration)
 * @param description why the operator made the change, for the log and the next operator
 */
public record ScoringOverride(
    int version,
    Double leadThreshold,
    Double brandMentionWeight,
    Double priceBelowBandWeight,
    Double priceBandRatio,
    Double priceWithinBandWeight,
    Double categoryPoints,
    Double crossBorderWeight,
    Double implausibleNutrientWeight,
    Double maxPlausibleNutrientPercent,
    Double sellerBlacklistedWeight,
    Double sellerPenaltyWeight,
    Double sellerPenaltyCap,
    Double sellerConfirmedAlertWeight,
    Double sellerConfirmedAlertCap,
    Double sellerHistoryCap,
    Double networkShare,
    Double networkCap,
    Double listingComplaintWeight,
    Double listingComplaintCap,
    Double sellerComplaintWeight,
    Double sellerComplaintCap,
    Double surgeWeight,
    String description) {

  /** The key of the entry that applies to every category. */
  public static final String ALL_CATEGORIES = "default";

  public ScoringOverride {
    if (version < 1) {
      throw new IllegalArgumentException(
          "version must be set by the operator to 1 or more, was " + version);
    }
    requireWithin("leadThreshold", leadThreshold, 100);
    requireWithin("brandMentionWeight", brandMentionWeight, 100);
    requireWithin("priceBelowBandWeight", priceBelowBandWeight, 100);
    requireWithin("priceBandRatio", priceBandRatio, 1);
    requireWithin("priceWithinBandWeight", priceWithinBandWeight, 100);
    requireWithin("categoryPoints", categoryPoints, 100);
    requireWithin("crossBorderWeight", crossBorderWeight, 100);
    requireWithin("implausibleNutrientWeight", implausibleNutrientWeight, 100);
    requireWithin("maxPlausibleNutrientPercent", maxPlausibleNutrientPercent, 100);
    requireWithin("sellerBlacklistedWeight", sellerBlacklistedWeight, 100);
    requireWithin("sellerPenaltyWeight", sellerPenaltyWeight, 100);
    requireWithin("sellerPenaltyCap", sellerPenaltyCap, 100);
    requireWithin("sellerConfirmedAlertWeight", sellerConfirmedAlertWeight, 100);
    requireWithin("sellerConfirmedAlertCap", sellerConfirmedAlertCap, 100);
    requireWithin("sellerHistoryCap", sellerHistoryCap, 100);
    if (networkShare != null && !(networkShare >= 0 && networkShare < 1)) {
      throw new IllegalArgumentException(
          "networkShare must be within 0..1 (1 excluded), was " + networkShare);
    }
    requireWithin("networkCap", networkCap, 100);
    requireWithin("listingComplaintWeight", listingComplaintWeight, 100);
    requireWithin("listingComplaintCap", listingComplaintCap, 100);
    requireWithin("sellerComplaintWeight", sellerComplaintWeight, 100);
    requireWithin("sellerComplaintCap", sellerComplaintCap, 100);
    requireWithin("surgeWeight", surgeWeight, 100);
    description = description == null ? "" : description;
  }

  private static void requireWithin(String field, Double value, double max) {
    if (value != null && !(value >= 0 && value <= max)) {
      throw new IllegalArgumentException(field + " must be within 0.." + max + ", was " + value);
    }
  }
}
