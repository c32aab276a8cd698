package org.iprradar.detect.operator;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;

/**
 * Rule performance counted as leads and triage actions arrive, so that a follower of the topics
 * adds only what is new at each request instead of reading them whole (see {@link
 * PerformanceCalculator} for what the figures mean). Keeps per rule its hit count, hits per day and
 * the alerts it contributed to, per alert its verdict, and the listing versions already counted:
 * memory grows with distinct rules, days, alerts and lead listings, never with records read. Leads
 * and actions may come in any interleaving: the figures depend only on each topic's own order. Not
 * thread-safe: its owner serialises calls.
 */
public final class PerformanceTally {

  private final Map<String, TriageActionType> verdicts = new HashMap<>();
  private final Map<String, Tally> tallies = new HashMap<>();
  private final Set<String> seenVersions = new HashSet<>();

  /** Counts a record of the leads topic. */
  public void add(Lead lead) {
    Assessment a = lead.assessment();
    if (!seenVersions.add(a.listingKey() + "@" + a.listingVersion())) {
      return;
    }
    Set<String> ruleIds = new HashSet<>();
    for (Signal signal : a.signals()) {
      ruleIds.add(signal.ruleId());
    }
    String day =
        a.assessedAt() == null
            ? "unknown"
            : a.assessedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    for (String ruleId : ruleIds) {
      Tally t = tallies.computeIfAbsent(ruleId, id -> new Tally());
      t.hits++;
      t.byDay.merge(day, 1, Integer::sum);
      t.alerts.add(lead.key());
    }
  }

  /** Counts a record of the triage-actions topic: the last verdict of an alert wins. */
  public void add(TriageAction action) {
    if (action.action() == TriageActionType.CONFIRM
        || action.action() == TriageActionType.DISMISS) {
      verdicts.put(action.alertId(), action.action());
    }
  }

  /**
   * The figures of every rule in force, every rule with a lead, and every rule with a recent hit.
   *
   * @param rules the operator rules in force, so that a rule with no lead at all is listed
   * @param recentHits hits per rule among the listings detect assessed last, leads or not
   */
  public List<RulePerformance> result(List<Rule> rules, Map<String, Integer> recentHits) {
    var ids = new TreeMap<String, Boolean>();
    recentHits.keySet().forEach(id -> ids.put(id, null));
    tallies.keySet().forEach(id -> ids.put(id, null));
    for (Rule rule : rules) {
      ids.put(rule.id(), rule.enabled());
    }
    var all = new ArrayList<RulePerformance>();
    for (var entry : ids.entrySet()) {
      Tally t = tallies.getOrDefault(entry.getKey(), Tally.NONE);
      int recent = recentHits.getOrDefault(entry.getKey(), 0);
      int confirmed = 0;
      int dismissed = 0;
      for (String alert : t.alerts) {
        TriageActionType verdict = verdicts.get(alert);
        if (verdict == TriageActionType.CONFIRM) {
          confirmed++;
        } else if (verdict == TriageActionType.DISMISS) {
          dismissed++;
        }
      }
      Double precision =
          confirmed + dismissed == 0 ? null : (double) confirmed / (confirmed + dismissed);
      String flag =
          t.hits == 0 && recent == 0
              ? "NEVER_FIRED"
              : precision == null
                  ? "NO_VERDICTS"
                  : dismissed > confirmed ? "MOSTLY_DISMISSED" : "OK";
      all.add(
          new RulePerformance(
              entry.getKey(),
              entry.getValue(),
              new TreeMap<>(t.byDay),
              t.hits,
              t.alerts.size(),
              confirmed,
              dismissed,
              precision,
              recent,
              flag));
    }
    all.sort(
        Comparator.comparingInt(PerformanceTally::rank)
            .thenComparing(p -> p.precision() == null ? 2.0 : p.precision())
            .thenComparing(RulePerformance::ruleId));
    return all;
  }

  private static int rank(RulePerformance p) {
    return switch (p.flag()) {
      case "NEVER_FIRED" -> 0;
      case "MOSTLY_DISMISSED" -> 1;
      case "OK" -> 2;
      default -> 3;
    };
  }

  private static final class Tally {
    static final Tally NONE = new Tally();

    int hits;
    final TreeMap<String, Integer> byDay = new TreeMap<>();
    final Set<String> alerts = new HashSet<>();
  }
}
