package org.iprradar.alerts.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iprradar.common.model.Bureau;

/**
 * The city's bureau directory and routing table as one validated document, so another city is a
 * configuration rather than a code change.
 *
 * @param cityCode GB/T 2260 code of the city (320600 for Nantong); sellers elsewhere are
 *     cross-region
 * @param defaultBureau where a lead goes when no route matches
 * @param escalation criminal-referral and supervised-case thresholds; the defaults when left out
 */
public record RoutingTable(
    String cityCode,
    String cityName,
    List<Region> regions,
    List<Bureau> bureaus,
    List<Route> routes,
    String defaultBureau,
    EscalationPolicy escalation) {

  public RoutingTable {
    Objects.requireNonNull(cityCode, "cityCode");
    regions = regions == null ? List.of() : List.copyOf(regions);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    routes = routes == null ? List.of() : List.copyOf(routes);
    escalation = escalation == null ? EscalationPolicy.DEFAULTS : escalation;
    var problems = problems(cityCode, bureaus, routes, defaultBureau);
    String police = escalation.policeBureau();
    if (bureaus.stream().noneMatch(b -> b.id().equals(police))) {
      problems.add("escalation.policeBureau '" + police + "' is not in the bureau directory");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid routing table: " + String.join("; ", problems));
    }
  }

  private static List<String> problems(
      String cityCode, List<Bureau> bureaus, List<Route> routes, String defaultBureau) {
    var problems = new ArrayList<String>();
    if (!cityCode.matches("\\d{6}")) {
      problems.add("cityCode must be a six-digit GB/T 2260 code, was '" + cityCode + "'");
    }
    Map<String, Bureau> byId = new LinkedHashMap<>();
    for (Bureau b : bureaus) {
      if (byId.put(b.id(), b) != null) {
        problems.add("bureau " + b.id() + " is listed twice");
      }
    }
    if (defaultBureau == null || !byId.containsKey(defaultBureau)) {
      problems.add("defaultBureau '" + defaultBureau + "' is not in the bureau directory");
    }
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      if (!byId.containsKey(r.bureau())) {
        problems.add(
            "routes[" + i + "]: bureau '" + r.bureau() + "' is not in the bureau directory");
      }
      for (String co : r.coRecipients()) {
        if (!byId.containsKey(co)) {
          problems.add(
              "routes[" + i + "]: co-recipient '" + co + "' is not in the bureau directory");
        }
      }
    }
    return problems;
  }

  /** Whether the bureau directory lists this id. */
  public boolean hasBureau(String id) {
    return bureaus.stream().anyMatch(b -> b.id().equals(id));
  }

  /** The bureau with this id; the table guarantees that routed ids exist. */
  public Bureau bureau(String id) {
    return bureaus.stream()
        .filter(b -> b.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown bureau " + id));
  }
}
