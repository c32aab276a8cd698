package org.iprradar.alerts.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    regions = regions == null ? List.of() : List.copyOf(regions);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
    routes = routes == null ? List.of() : List.copyOf(routes);
    escalation = escalation == null ? EscalationPolicy.DEFAULTS : escalation;
    var problems = problems(cityCode, regions, bureaus, routes, defaultBureau, escalation);
    if (!problems.isEmpty()) {
      throw new InvalidRoutingException(problems);
    }
  }

  /**
   * What is wrong with a table of these parts as a whole: codes, duplicates, and ids that the
   * bureau directory does not list. The parts themselves are already valid records; a null part
   * (one that could not be read, and has its own problem) is skipped, keeping the others' indices.
   */
  static List<RoutingProblem> problems(
      String cityCode,
      List<Region> regions,
      List<Bureau> bureaus,
      List<Route> routes,
      String defaultBureau,
      EscalationPolicy escalation) {
    var problems = new ArrayList<RoutingProblem>();
    if (cityCode == null) {
      problems.add(new RoutingProblem("cityCode", "missing; the city's six-digit GB/T 2260 code"));
    } else if (!cityCode.matches("\\d{6}")) {
      problems.add(
          new RoutingProblem(
              "cityCode", "must be a six-digit GB/T 2260 code, was '" + cityCode + "'"));
    }
    var codes = new HashSet<String>();
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i) == null) {
        continue;
      }
      String code = regions.get(i).code();
      if (!code.matches("\\d{6}")) {
        problems.add(
            new RoutingProblem(
                "regions[" + i + "].code",
                "must be a six-digit GB/T 2260 code, was '" + code + "'"));
      } else if (!codes.add(code)) {
        problems.add(
            new RoutingProblem("regions[" + i + "].code", "region " + code + " is listed twice"));
      }
    }
    Map<String, Bureau> byId = new LinkedHashMap<>();
    for (int i = 0; i < bureaus.size(); i++) {
      Bureau b = bureaus.get(i);
      if (b == null) {
        continue;
      }
      // The id names the bureau's webhook variables (IPR_WEBHOOK_<ID>_URL) and its filter value.
      if (!b.id().matches("[A-Z][A-Z0-9_]*")) {
        problems.add(
            new RoutingProblem(
                "bureaus[" + i + "].id",
                "must be upper-case letters, digits and underscores, was '" + b.id() + "'"));
      }
      if (byId.put(b.id(), b) != null) {
        problems.add(
            new RoutingProblem("bureaus[" + i + "].id", "bureau " + b.id() + " is listed twice"));
      }
    }
    if (defaultBureau == null) {
      problems.add(new RoutingProblem("defaultBureau", "missing; a bureau id of the directory"));
    } else if (!byId.containsKey(defaultBureau)) {
      problems.add(notListed("defaultBureau", defaultBureau));
    }
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      if (r == null) {
        continue;
      }
      if (!byId.containsKey(r.bureau())) {
        problems.add(notListed("routes[" + i + "].bureau", r.bureau()));
      }
      for (int j = 0; j < r.coRecipients().size(); j++) {
        String co = r.coRecipients().get(j);
        if (!byId.containsKey(co)) {
          problems.add(notListed("routes[" + i + "].coRecipients[" + j + "]", co));
        }
      }
      // Two lines for the same type and category would leave the choice to their order.
      Integer earlier = seen.putIfAbsent(r.type() + "/" + r.category(), i);
      if (earlier != null) {
        problems.add(
            new RoutingProblem(
                "routes[" + i + "]",
                "routes["
                    + earlier
                    + "] already routes "
                    + r.type()
                    + (r.category() == null ? "" : " in category " + r.category())));
      }
    }
    String police = escalation.policeBureau();
    if (!byId.containsKey(police)) {
      problems.add(notListed("escalation.policeBureau", police));
    }
    return problems;
  }

  private static RoutingProblem notListed(String path, String id) {
    return new RoutingProblem(path, "'" + id + "' is not in the bureau directory");
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
