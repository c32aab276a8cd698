package org.iprradar.alerts.route;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.iprradar.common.model.InfringementType;

/**
 * When an alert goes beyond its administrative bureau, read with the routing table ({@code
 * escalation:}). Every setting left out takes its default, from the prosecution standards in
 * DOMAIN.md; a map given replaces its default map as a whole.
 *
 * @param referralSales per infringement type, the estimated sales in CNY (price × units sold,
 *     summed over the seller's listings) from which a lead is referred to the police; types not
 *     listed are never referred on sales. Default ¥50,000 for counterfeit trademarks, copyright
 *     piracy (business volume), fake or substandard drugs and food, and farm inputs
 * @param referralUnits per infringement type, the units sold from which a lead is referred; default
 *     500 copies for copyright piracy
 * @param noMinimumCategories per infringement type, the listing categories referred whatever the
 *     amount; default fake drugs ({@code COUNTERFEIT_DRUG_OR_FOOD} in {@code drugs})
 * @param noMinimumRules rule-id prefixes whose signal on any listing means a referral whatever the
 *     amount; default {@code drug-illegal-additive}, the rule for prescription substances in food
 * @param supervisedSales estimated sales in CNY from which the case is supervised; default
 *     ¥1,000,000
 * @param supervisedListings listings with sales from which the case is supervised, however small
 *     each is: a seller selling widely is a major case; default 20 (a judgement, not a legal
 *     figure)
 * @param policeBureau the co-recipient of a referral; must be in the bureau directory
 * @param leadingGroupBureau the co-recipient of a supervised case, when in the bureau directory
 * @param customsBureau the co-recipient of a cross-border listing, when in the bureau directory
 * @param supervisedNetworkCities how many prefecture-level cities (first four digits of the GB/T
 *     2260 region) a seller network of the alert's listings must span for the case to be
 *     supervised: one operation across cities is more than one district bureau can handle; default
 *     2 (a judgement, not a legal figure)
 * @param supervisedOnComplaintSurge whether a complaint surge on any of the alert's listings (as
 *     detect's assessment flags it) makes the case supervised; default true
 */
public record EscalationPolicy(
    Map<InfringementType, BigDecimal> referralSales,
    Map<InfringementType, Long> referralUnits,
    Map<InfringementType, List<String>> noMinimumCategories,
    List<String> noMinimumRules,
    BigDecimal supervisedSales,
    Integer supervisedListings,
    String policeBureau,
    String leadingGroupBureau,
    String customsBureau,
    Integer supervisedNetworkCities,
    Boolean supervisedOnComplaintSurge) {

  private static final BigDecimal FIFTY_THOUSAND = new BigDecimal("50000");

  /** The defaults, used when the routing table has no {@code escalation:} section. */
  public static final EscalationPolicy DEFAULTS =
      new EscalationPolicy(null, null, null, null, null, null, null, null, null, null, null);

  public EscalationPolicy {
    referralSales =
        copy(
            referralSales,
            Map.of(
                InfringementType.COUNTERFEIT_TRADEMARK, FIFTY_THOUSAND,
                InfringementType.PIRACY_COPYRIGHT, FIFTY_THOUSAND,
                InfringementType.COUNTERFEIT_DRUG_OR_FOOD, FIFTY_THOUSAND,
                InfringementType.SUBSTANDARD_AGRI_INPUT, FIFTY_THOUSAND));
    referralUnits = copy(referralUnits, Map.of(InfringementType.PIRACY_COPYRIGHT, 500L));
    noMinimumCategories =
        copy(
            noMinimumCategories,
            Map.of(InfringementType.COUNTERFEIT_DRUG_OR_FOOD, List.of("drugs")));
    noMinimumRules =
        noMinimumRules == null ? List.of("drug-illegal-additive") : List.copyOf(noMinimumRules);
    supervisedSales = supervisedSales == null ? new BigDecimal("1000000") : supervisedSales;
    supervisedListings = supervisedListings == null ? 20 : supervisedListings;
    policeBureau = policeBureau == null ? "PUBLIC_SECURITY" : policeBureau;
    leadingGroupBureau = leadingGroupBureau == null ? "LEADING_GROUP" : leadingGroupBureau;
    customsBureau = customsBureau == null ? "CUSTOMS" : customsBureau;
    supervisedNetworkCities = supervisedNetworkCities == null ? 2 : supervisedNetworkCities;
    supervisedOnComplaintSurge =
        supervisedOnComplaintSurge == null ? Boolean.TRUE : supervisedOnComplaintSurge;
    var problems = new ArrayList<RoutingProblem>();
    referralSales.forEach(
        (type, min) -> {
          if (min.signum() <= 0) {
            problems.add(problem("referralSales." + type, "must be positive, was " + min));
          }
        });
    referralUnits.forEach(
        (type, min) -> {
          if (min <= 0) {
            problems.add(problem("referralUnits." + type, "must be positive, was " + min));
          }
        });
    for (int i = 0; i < noMinimumRules.size(); i++) {
      String rule = noMinimumRules.get(i);
      if (rule == null || rule.isBlank()) {
        problems.add(problem("noMinimumRules[" + i + "]", "must not be a blank rule id"));
      }
    }
    if (supervisedSales.signum() <= 0) {
      problems.add(problem("supervisedSales", "must be positive, was " + supervisedSales));
    }
    if (supervisedListings < 1) {
      problems.add(problem("supervisedListings", "must be at least 1, was " + supervisedListings));
    }
    if (supervisedNetworkCities < 2) {
      problems.add(
          problem(
              "supervisedNetworkCities",
              "must be at least 2 (one city is no spread), was " + supervisedNetworkCities));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRoutingException(problems);
    }
  }

  private static RoutingProblem problem(String field, String reason) {
    return new RoutingProblem("escalation." + field, reason);
  }

  private static <V> Map<InfringementType, V> copy(
      Map<InfringementType, V> given, Map<InfringementType, V> defaults) {
    var copy = new EnumMap<InfringementType, V>(InfringementType.class);
    copy.putAll(given == null ? defaults : given);
    copy.forEach(
        (type, value) -> {
          if (value == null) {
            throw new InvalidRoutingException(
                List.of(new RoutingProblem("escalation", "no value for " + type)));
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
