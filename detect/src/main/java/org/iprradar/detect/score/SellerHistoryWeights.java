package org.iprradar.detect.score;

import java.util.List;
import java.util.Objects;

/**
 * The weights of the seller-history signal; configuration, not code.
 *
 * @param blacklistedWeight points for a seller on the credit blacklist (红黑名单)
 * @param penaltyWeight points for each prior penalty whose reason names counterfeiting or another
 *     IP infringement
 * @param penaltyCap the most points all such penalties add together
 * @param confirmedAlertWeight points for each earlier alert on the seller an officer confirmed
 * @param confirmedAlertCap the most points confirmed alerts add together
 * @param signalCap the most points the whole signal adds, so that history only strengthens what the
 *     listing itself shows
 * @param penaltyReasonMarkers words in a penalty's reason that make it one for counterfeiting or IP
 *     infringement; penalties for anything else (late filings, pricing) do not count
 */
public record SellerHistoryWeights(
    double blacklistedWeight,
    double penaltyWeight,
    double penaltyCap,
    double confirmedAlertWeight,
    double confirmedAlertCap,
    double signalCap,
    List<String> penaltyReasonMarkers) {

  public static final SellerHistoryWeights DEFAULTS =
      new SellerHistoryWeights(
          30,
          15,
          30,
          10,
          20,
          40,
          List.of(
              "商标",
              "假冒",
              "侵权",
              "侵犯",
              "专利",
              "著作权",
              "盗版",
              "冒用",
              "仿冒",
              "伪造",
              "counterfeit",
              "trademark",
              "infring"));

  public SellerHistoryWeights {
    requireWithin("blacklistedWeight", blacklistedWeight);
    requireWithin("penaltyWeight", penaltyWeight);
    requireWithin("penaltyCap", penaltyCap);
    requireWithin("confirmedAlertWeight", confirmedAlertWeight);
    requireWithin("confirmedAlertCap", confirmedAlertCap);
    requireWithin("signalCap", signalCap);
    penaltyReasonMarkers =
        penaltyReasonMarkers == null ? List.of() : List.copyOf(penaltyReasonMarkers);
    for (String marker : penaltyReasonMarkers) {
      // A blank marker would make every penalty count.
      if (Objects.requireNonNull(marker, "penaltyReasonMarkers").isBlank()) {
        throw new IllegalArgumentException("penaltyReasonMarkers must not contain a blank word");
      }
    }
  }

  /** These weights with other points and caps, and the default reason markers. */
  public SellerHistoryWeights withPoints(
      double blacklisted,
      double perPenalty,
      double penalties,
      double perAlert,
      double alerts,
      double signal) {
    return new SellerHistoryWeights(
        blacklisted, perPenalty, penalties, perAlert, alerts, signal, penaltyReasonMarkers);
  }

  private static void requireWithin(String name, double value) {
    if (value < 0 || value > 100 || Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be within 0..100, was " + value);
    }
  }
}
