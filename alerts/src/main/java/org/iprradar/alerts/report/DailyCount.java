package org.iprradar.alerts.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts created on one day.
 *
 * @param date the day in the report's time zone, {@code YYYY-MM-DD}
 * @param byStatus the same alerts by their current status; every status is present, zeros too
 */
public record DailyCount(String date, long total, Map<String, Long> byStatus) {
  public DailyCount {
    // Kept in workflow order, so the JSON lists the statuses as the chart stacks them.
    byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
  }
}
