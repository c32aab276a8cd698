package org.iprradar.alerts.report;

/**
 * How long alerts waited from creation to an analyst's first action.
 *
 * @param key a bureau id, or {@code ALL}
 * @param acted alerts that have at least one action
 * @param notYet alerts that no analyst has acted on yet
 * @param medianSeconds the median wait of the acted alerts; null when none was acted on
 * @param p90Seconds the 90th percentile (nearest rank) of the same; null when none was acted on
 */
public record ResponseTimes(
    String key, String label, long acted, long notYet, Long medianSeconds, Long p90Seconds) {}
