package org.iprradar.detect.score;

/**
 * The weights of the seller-network and complaint signals, and the complaint surge thresholds;
 * configuration, not code.
 *
 * @param networkShare the share of the riskiest linked seller's history points that a listing of
 *     another member gets: below 1, so a network weighs less than the seller's own history
 * @param networkCap the most points the network signal adds
 * @param listingComplaintWeight points per complaint naming the listing in the 30 days before it
 * @param listingComplaintCap the most points the listing's complaints add
 * @param sellerComplaintWeight points per further complaint naming the seller in those 30 days;
 *     like the seller's history, they only strengthen another positive signal
 * @param sellerComplaintCap the most points the seller's complaints add
 * @param surgeWeight points for a complaint surge, to a listing complained about itself or showing
 *     another positive signal; by default the lead threshold, since a surge is a lead
 * @param surgeMinimum the fewest complaints in 7 days that can be a surge
 * @param surgeRatio how many times the usual 7-day rate (the 83 days before, scaled to 7 days) the
 *     last 7 days must reach to be a surge
 */
public record SellerContextWeights(
    double networkShare,
    double networkCap,
    double listingComplaintWeight,
    double listingComplaintCap,
    double sellerComplaintWeight,
    double sellerComplaintCap,
    double surgeWeight,
    int surgeMinimum,
    double surgeRatio) {

  public static final SellerContextWeights DEFAULTS =
      new SellerContextWeights(0.5, 20, 10, 30, 4, 16, 60, 5, 3);

  public SellerContextWeights {
    if (!(networkShare >= 0 && networkShare < 1)) {
      throw new IllegalArgumentException(
          "networkShare must be within 0..1 (excluded), was " + networkShare);
    }
    requireWithin("networkCap", networkCap);
    requireWithin("listingComplaintWeight", listingComplaintWeight);
    requireWithin("listingComplaintCap", listingComplaintCap);
    requireWithin("sellerComplaintWeight", sellerComplaintWeight);
    requireWithin("sellerComplaintCap", sellerComplaintCap);
    requireWithin("surgeWeight", surgeWeight);
    if (surgeMinimum < 1) {
      throw new IllegalArgumentException("surgeMinimum must be at least 1, was " + surgeMinimum);
    }
    if (!(surgeRatio >= 1)) {
      throw new IllegalArgumentException("surgeRatio must be at least 1, was " + surgeRatio);
    }
  }

  /** These weights with the points and share replaced; what counts as a surge stays. */
  public SellerContextWeights withPoints(
      double share,
      double cap,
      double perListingComplaint,
      double listingComplaints,
      double perSellerComplaint,
      double sellerComplaints,
      double surge) {
    return new SellerContextWeights(
        share,
        cap,
        perListingComplaint,
        listingComplaints,
        perSellerComplaint,
        sellerComplaints,
        surge,
        surgeMinimum,
        surgeRatio);
  }

  private static void requireWithin(String name, double value) {
    if (value < 0 || value > 100 || Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
    }
  }
}
