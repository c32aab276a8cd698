package org.iprradar.alerts.report;

import java.util.List;

/**
 * The report over the alerts created from {@code from} to {@code to}, both days included.
 *
 * @param zone the time zone whose days the report counts
 * @param byStatus every status in workflow order, zeros too; the others only what occurs, largest
 *     first
 * @param daily one entry per day of the range, empty days too
 * @param firstAction the wait for a first action over all these alerts
 * @param firstActionByBureau the same per bureau, in the order of {@code byBureau}
 */
public record Summary(
    String from,
    String to,
    String zone,
    long total,
    List<Count> byBureau,
    List<Count> byDistrict,
    List<Count> byCategory,
    List<Count> byStatus,
    List<DailyCount> daily,
    ResponseTimes firstAction,
    List<ResponseTimes> firstActionByBureau) {

  public Summary {
    byBureau = List.copyOf(byBureau);
    byDistrict = List.copyOf(byDistrict);
    byCategory = List.copyOf(byCategory);
    byStatus = List.copyOf(byStatus);
    daily = List.copyOf(daily);
    firstActionByBureau = List.copyOf(firstActionByBureau);
  }
}
