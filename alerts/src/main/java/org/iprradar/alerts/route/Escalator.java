package org.iprradar.alerts.route;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.SellerNetwork;
import org.iprradar.common.model.Signal;

/**
 * Decides, from an alert's listings, whether it is a criminal referral or a supervised case, and
 * which bureaus that adds as co-recipients. The figures are the seller's over all listings of the
 * alert, as the prosecution standards count them, not one listing's.
 */
public final class Escalator {

  private final RoutingTable table;
  private final EscalationPolicy policy;

  public Escalator(RoutingTable table) {
    this.table = table;
    this.policy = table.escalation();
  }

  /** The escalation these listings (one assessment each) call for on their own. */
  public Escalation assess(InfringementType type, String category, List<Assessment> listings) {
    Amounts amounts = Amounts.of(listings);
    var police = new ArrayList<String>();
    BigDecimal minSales = policy.referralSales().get(type);
    if (minSales != null
        && amounts.estimatedSales() != null
        && amounts.estimatedSales().compareTo(minSales) >= 0) {
      police.add(
          "estimated sales "
              + yuan(amounts.estimatedSales())
              + " ≥ "
              + yuan(minSales)
              + " ("
              + label(type)
              + " sales threshold)");
    }
    Long minUnits = policy.referralUnits().get(type);
    if (minUnits != null && amounts.unitsSold() >= minUnits) {
      police.add(
          "units sold "
              + amounts.unitsSold()
              + " ≥ "
              + minUnits
              + " ("
              + label(type)
              + " copies threshold)");
    }
    if (category != null
        && policy.noMinimumCategories().getOrDefault(type, List.of()).contains(category)) {
      police.add(label(type) + " in category " + category + ": no minimum amount");
    }
    listings.stream()
        .flatMap(a -> a.signals().stream())
        .map(Signal::ruleId)
        .filter(id -> policy.noMinimumRules().stream().anyMatch(id::startsWith))
        .distinct()
        .forEach(id -> police.add("rule " + id + " (illegal additive): no minimum amount"));

    var supervised = new ArrayList<String>();
    if (amounts.estimatedSales() != null
        && amounts.estimatedSales().compareTo(policy.supervisedSales()) >= 0) {
      supervised.add(
          "estimated sales "
              + yuan(amounts.estimatedSales())
              + " ≥ "
              + yuan(policy.supervisedSales())
              + " (supervised-case threshold)");
    }
    if (amounts.listingsWithSales() >= policy.supervisedListings()) {
      supervised.add(
          amounts.listingsWithSales()
              + " listings with sales ≥ "
              + policy.supervisedListings()
              + " (supervised-case threshold)");
    }
    if (policy.supervisedOnComplaintSurge()) {
      listings.stream()
          .filter(a -> a.complaints() != null && a.complaints().surge())
          .max(Comparator.comparingInt(a -> a.complaints().last7d()))
          .ifPresent(
              a ->
                  supervised.add(
                      "complaint surge on "
                          + a.listingKey()
                          + ": "
                          + a.complaints().last7d()
                          + " complaints in 7 days (supervised-case trigger)"));
    }
    listings.stream()
        .map(Assessment::network)
        .filter(n -> n != null && n.cities() >= policy.supervisedNetworkCities())
        .max(Comparator.comparingInt(SellerNetwork::cities))
        .ifPresent(
            n ->
                supervised.add(
                    "seller network "
                        + n.id()
                        + " of "
                        + n.size()
                        + " sellers spans "
                        + n.cities()
                        + " cities ("
                        + String.join(", ", n.regions())
                        + ") ≥ "
                        + policy.supervisedNetworkCities()
                        + " (supervised-case threshold)"));
    var reasons = new ArrayList<>(police);
    reasons.addAll(supervised);
    return new Escalation(!police.isEmpty(), !supervised.isEmpty(), reasons);
  }

  /**
   * The co-recipients an escalation and a cross-border listing add: the police for a referral, the
   * leading group for a supervised case, customs for exports; each only when the bureau directory
   * lists it, and never the alert's own bureau.
   */
  public List<String> coRecipients(Escalation escalation, boolean crossBorder, String bureau) {
    var ids = new ArrayList<String>();
    if (escalation.policeReferral()) {
      ids.add(policy.policeBureau());
    }
    if (escalation.supervisedCase()) {
      ids.add(policy.leadingGroupBureau());
    }
    if (crossBorder) {
      ids.add(policy.customsBureau());
    }
    return ids.stream().filter(table::hasBureau).filter(id -> !id.equals(bureau)).toList();
  }

  private static String label(InfringementType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  // DecimalFormat is not thread-safe, and folds run on several stream threads: one per thread, as
  // building one per amount (its pattern parsed each time) was a thirtieth of the alerts thread.
  private static final ThreadLocal<DecimalFormat> YUAN =
      ThreadLocal.withInitial(
          () -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

  private static String yuan(BigDecimal amount) {
    return "¥" + YUAN.get().format(amount);
  }
}
