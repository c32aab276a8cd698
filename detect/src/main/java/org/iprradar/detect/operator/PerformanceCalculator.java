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
 * Computes rule performance from the {@code leads} and {@code triage-actions} topics, which alerts
 * are derived from: an alert's id is its lead key, and its verdict is the last CONFIRM or DISMISS
 * among its actions (a confirmed alert that is closed stays confirmed). A rule contributed to an
 * alert when a lead assessment of the alert carries a signal of the rule. Listings assessed more
 * than once count once per listing version.
 *
 * <p>Sorted so that what needs an operator comes first: rules that never fired, then rules mostly
 * dismissed (lowest precision first), then the rest by precision, those without verdicts last.
 */
public final class PerformanceCalculator {

  private PerformanceCalculator() {}

  /**
   * @param rules the operator rules in force, so that a rule with no lead at all is listed
   * @param leads records of the leads topic, in topic order
   * @param actions records of the triage-actions topic, in topic order
   * @param recentHits hits per rule among the listings detect assessed last, leads or not
   */
  public static List<RulePerformance> compute(
      List<Rule> rules,
      Iterable<Lead> leads,
      Iterable<TriageAction> actions,
      Map<String, Integer> recentHits) {
    Map<String, TriageActionType> verdicts = new HashMap<>();
    for (TriageAction action : actions) {
      if (action.action() == TriageActionType.CONFIRM
          || action.action() == TriageActionType.DISMISS) {
        verdicts.put(action.alertId(), action.action());
      }
    }
    Map<String, Tally> tallies = new TreeMap<>();
    Map<String, Boolean> enabled = new HashMap<>();
    for (String ruleId : recentHits.keySet()) {
      tallies.put(ruleId, new Tally());
    }
    for (Rule rule : rules) {
      tallies.put(rule.id(), new Tally());
      enabled.put(rule.id(), rule.enabled());
    }
    Set<String> seenVersions = new HashSet<>();
    for (Lead lead : leads) {
      Assessment a = lead.assessment();
      if (!seenVersions.add(a.listingKey() + "@" + a.listingVersion())) {
        continue;
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
    var all = new ArrayList<RulePerformance>();
    for (var entry : tallies.entrySet()) {
      Tally t = entry.getValue();
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
              enabled.get(entry.getKey()),
              t.byDay,
              t.hits,
              t.alerts.size(),
              confirmed,
              dismissed,
              precision,
              recent,
              flag));
    }
    all.sort(
        Comparator.comparingInt(PerformanceCalculator::rank)
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
    int hits;
    final TreeMap<String, Integer> byDay = new TreeMap<>();
    final Set<String> alerts = new HashSet<>();
  }
}
