package org.iprradar.alerts.route;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.iprradar.common.model.Assessment;

/**
 * A seller's figures over the listings of one alert: what the prosecution standards measure.
 *
 * @param estimatedSales the sum of the listings' estimated sales in CNY; null when no listing
 *     reports units sold, so that "unknown" is not mistaken for "nothing sold"
 * @param unitsSold the sum of units sold over the listings that report them
 * @param listingsWithSales how many listings report a sale
 */
public record Amounts(BigDecimal estimatedSales, long unitsSold, int listingsWithSales) {

  /** The figures of these listings, one assessment per listing as the alert keeps them. */
  public static Amounts of(List<Assessment> listings) {
    BigDecimal sales = null;
    long units = 0;
    int withSales = 0;
    for (Assessment a : listings) {
      BigDecimal s = a.estimatedSales();
      if (s == null) {
        continue;
      }
      sales = sales == null ? s : sales.add(s);
      units += units(a);
      if (s.signum() > 0) {
        withSales++;
      }
    }
    return new Amounts(sales, units, withSales);
  }

  // The assessment carries price × units rather than units, so the units are divided back out; a
  // free listing (price 0) sells nothing that counts.
  private static long units(Assessment a) {
    if (a.price() == null || a.price().signum() <= 0) {
      return 0;
    }
    return a.estimatedSales().divide(a.price(), 0, RoundingMode.HALF_UP).longValueExact();
  }
}
