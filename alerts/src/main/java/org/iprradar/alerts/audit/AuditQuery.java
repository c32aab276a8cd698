package org.iprradar.alerts.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.iprradar.common.model.AuditRecord;

/**
 * Which audit records a supervisor asks for. Every part is optional.
 *
 * @param who the caller's name, exactly
 * @param action a prefix of the action ({@code POST /api/v1/alerts}) or, starting with {@code /},
 *     of its route ({@code /api/v1/rules})
 * @param from the earliest time, included
 * @param to the latest time, included
 * @param outcomeLow lowest HTTP status, included
 * @param outcomeHigh highest HTTP status, included
 */
public record AuditQuery(
    String who, String action, Instant from, Instant to, int outcomeLow, int outcomeHigh) {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, 100, 599);

  /**
   * Reads the query parameters. {@code from} and {@code to} are ISO-8601 instants ({@code
   * 2026-03-01T08:00:00Z}) or days ({@code 2026-03-01}, the whole day in {@code zone}); {@code
   * outcome} is a status ({@code 403}) or a class ({@code 4xx}).
   *
   * @throws IllegalArgumentException naming the parameter and what is wrong with it
   */
  public static AuditQuery parse(
      String who, String action, String from, String to, String outcome, ZoneId zone) {
    Instant start = from == null || from.isBlank() ? null : time("from", from, zone, false);
    Instant end = to == null || to.isBlank() ? null : time("to", to, zone, true);
    if (start != null && end != null && start.isAfter(end)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
    int low = 100;
    int high = 599;
    if (outcome != null && !outcome.isBlank()) {
      String value = outcome.trim().toLowerCase(Locale.ROOT);
      if (value.matches("[1-5]xx")) {
        low = (value.charAt(0) - '0') * 100;
        high = low + 99;
      } else if (value.matches("[1-5]\\d\\d")) {
        low = Integer.parseInt(value);
        high = low;
      } else {
        throw new IllegalArgumentException(
            "outcome must be an HTTP status (403) or a class (4xx), was '" + outcome + "'");
      }
    }
    return new AuditQuery(blankToNull(who), blankToNull(action), start, end, low, high);
  }

  /** Whether the record is one the query asks for. */
  public boolean matches(AuditRecord record) {
    if (who != null && !who.equals(record.who())) {
      return false;
    }
    if (action != null) {
      String subject =
          action.startsWith("/")
              ? record.action().substring(record.action().indexOf(' ') + 1)
              : record.action();
      if (!subject.startsWith(action)) {
        return false;
      }
    }
    if (from != null && record.at().isBefore(from)) {
      return false;
    }
    if (to != null && record.at().isAfter(to)) {
      return false;
    }
    return record.outcome() >= outcomeLow && record.outcome() <= outcomeHigh;
  }

  private static Instant time(String name, String value, ZoneId zone, boolean endOfDay) {
    String text = value.trim();
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return endOfDay
            ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
            : day.atStartOfDay(zone).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " must be an ISO-8601 instant (2026-03-01T08:00:00Z) or a day (2026-03-01), was '"
              + value
              + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
