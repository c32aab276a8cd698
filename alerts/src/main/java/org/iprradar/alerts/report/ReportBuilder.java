package org.iprradar.alerts.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;

/** Computes a {@link Summary} from alerts; pure, so tests give it alerts and a range. */
public final class ReportBuilder {

  static final String ALL = "ALL";

  private ReportBuilder() {}

  /**
   * The summary of the alerts created within the range. Alerts without a creation time cannot be
   * placed on a day and are left out.
   */
  public static Summary summarize(Collection<Alert> alerts, ReportRange range) {
    var inRange = new ArrayList<Alert>();
    for (Alert alert : alerts) {
      if (alert.createdAt() != null && range.contains(day(alert, range))) {
        inRange.add(alert);
      }
    }
    var byBureau = count(inRange, a -> a.bureau().id(), a -> a.bureau().name());
    return new Summary(
        range.from().toString(),
        range.to().toString(),
        range.zone().getId(),
        inRange.size(),
        byBureau,
        count(
            inRange,
            a -> a.jurisdiction() == null ? "unknown" : a.jurisdiction(),
            a -> a.jurisdictionName() == null ? "未知" : a.jurisdictionName()),
        count(
            inRange,
            a -> a.category() == null ? "unknown" : a.category(),
            a -> a.category() == null ? "未分类" : a.category()),
        byStatus(inRange),
        daily(inRange, range),
        responseTimes(ALL, "全部", inRange),
        byBureau.stream()
            .map(
                c ->
                    responseTimes(
                        c.key(),
                        c.label(),
                        inRange.stream().filter(a -> a.bureau().id().equals(c.key())).toList()))
            .toList());
  }

  private static LocalDate day(Alert alert, ReportRange range) {
    return alert.createdAt().atZone(range.zone()).toLocalDate();
  }

  private static List<Count> count(
      List<Alert> alerts, Function<Alert, String> key, Function<Alert, String> label) {
    var counts = new LinkedHashMap<String, long[]>();
    var labels = new LinkedHashMap<String, String>();
    for (Alert alert : alerts) {
      String k = key.apply(alert);
      counts.computeIfAbsent(k, x -> new long[1])[0]++;
      labels.putIfAbsent(k, label.apply(alert));
    }
    return counts.entrySet().stream()
        .map(e -> new Count(e.getKey(), labels.get(e.getKey()), e.getValue()[0]))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
        .toList();
  }

  private static List<Count> byStatus(List<Alert> alerts) {
    var counts = statusCounts(alerts);
    return counts.entrySet().stream()
        .map(e -> new Count(e.getKey().name(), e.getKey().name(), e.getValue()))
        .toList();
  }

  private static Map<AlertStatus, Long> statusCounts(List<Alert> alerts) {
    var counts = new EnumMap<AlertStatus, Long>(AlertStatus.class);
    for (AlertStatus status : AlertStatus.values()) {
      counts.put(status, 0L);
    }
    alerts.forEach(a -> counts.merge(a.status(), 1L, Long::sum));
    return counts;
  }

  private static List<DailyCount> daily(List<Alert> alerts, ReportRange range) {
    var perDay = new LinkedHashMap<LocalDate, List<Alert>>();
    for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
      perDay.put(d, new ArrayList<>());
    }
    alerts.forEach(a -> perDay.get(day(a, range)).add(a));
    var series = new ArrayList<DailyCount>(perDay.size());
    perDay.forEach(
        (d, created) -> {
          var byStatus = new LinkedHashMap<String, Long>();
          statusCounts(created).forEach((s, n) -> byStatus.put(s.name(), n));
          series.add(new DailyCount(d.toString(), created.size(), byStatus));
        });
    return series;
  }

  /**
   * The wait from creation to the first history entry, whatever the action: a note also shows that
   * an analyst looked at the alert, which is what the supervision figure measures.
   */
  static ResponseTimes responseTimes(String key, String label, List<Alert> alerts) {
    var waits = new ArrayList<Long>();
    long notYet = 0;
    for (Alert alert : alerts) {
      if (alert.history().isEmpty()) {
        notYet++;
      } else {
        // A clock skew between the API's and the folder's hosts must not give negative waits.
        long seconds = Duration.between(alert.createdAt(), alert.history().get(0).at()).toSeconds();
        waits.add(Math.max(0, seconds));
      }
    }
    waits.sort(null);
    return new ResponseTimes(
        key, label, waits.size(), notYet, percentile(waits, 50), percentile(waits, 90));
  }

  /** The nearest-rank percentile: always a wait that really happened. */
  static Long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
