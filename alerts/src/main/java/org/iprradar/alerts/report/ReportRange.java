package org.iprradar.alerts.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both included, in the city's time zone.
 *
 * @param zone whose calendar days count: an alert created at 23:30 UTC belongs to the next day in
 *     Asia/Shanghai, as the bureaus count it
 */
public record ReportRange(LocalDate from, LocalDate to, ZoneId zone) {

  /** The city's days: Chinese bureaus count in China Standard Time. */
  public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  /** Days covered when the request names none: the last 30, today included. */
  public static final int DEFAULT_DAYS = 30;

  /** The longest range one report covers, so a typo in a year cannot make a million-day series. */
  public static final int MAX_DAYS = 366;

  public ReportRange {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "the range covers " + days + " days; at most " + MAX_DAYS + " are allowed");
    }
  }

  /**
   * The range a request asks for: {@code to} defaults to today, {@code from} to 29 days before it.
   *
   * @throws IllegalArgumentException naming the parameter that is not a {@code YYYY-MM-DD} date
   */
  public static ReportRange parse(String from, String to, LocalDate today) {
    LocalDate end = date("to", to, today);
    LocalDate start = date("from", from, end.minusDays(DEFAULT_DAYS - 1L));
    return new ReportRange(start, end, CITY_ZONE);
  }

  private static LocalDate date(String name, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date as YYYY-MM-DD, was '" + value + "'", e);
    }
  }

  /** Whether the alert's creation day falls within the range. */
  boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
