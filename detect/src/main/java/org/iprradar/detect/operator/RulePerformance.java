package org.iprradar.detect.operator;

import java.util.SortedMap;

/**
 * How one rule has done, from the leads it contributed to and the analysts' verdicts on them.
 *
 * @param ruleId an operator rule, or {@code brand:<brandId>} for a brand's mention rule
 * @param enabled whether the rule is on; null for a rule no longer in the rule book
 * @param hitsByDay listings that became leads with a signal of this rule, by UTC day assessed
 * @param hits their total
 * @param alerts alerts (lead keys) at least one of those listings went to
 * @param confirmed of those alerts, how many analysts confirmed last
 * @param dismissed of those alerts, how many analysts dismissed last
 * @param precision confirmed / (confirmed + dismissed); null before any verdict
 * @param recentHits how many of the last listings detect assessed (kept in memory for dry runs) the
 *     rule hit, leads or not
 * @param flag {@code NEVER_FIRED} (no lead hit and no recent hit), {@code MOSTLY_DISMISSED} (more
 *     dismissed than confirmed), {@code NO_VERDICTS} or {@code OK}
 */
public record RulePerformance(
    String ruleId,
    Boolean enabled,
    SortedMap<String, Integer> hitsByDay,
    int hits,
    int alerts,
    int confirmed,
    int dismissed,
    Double precision,
    int recentHits,
    String flag) {}
