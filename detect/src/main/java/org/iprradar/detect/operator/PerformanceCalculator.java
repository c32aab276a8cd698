package org.iprradar.detect.operator;

import java.util.List;
import java.util.Map;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.TriageAction;

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
    var tally = new PerformanceTally();
    leads.forEach(tally::add);
    actions.forEach(tally::add);
    return tally.result(rules, recentHits);
  }
}
