package org.iprradar.alerts.report;

import static org.iprradar.alerts.TestAlerts.COPYRIGHT;
import static org.iprradar.alerts.TestAlerts.MARKET;
import static org.iprradar.alerts.TestAlerts.acted;
import static org.iprradar.alerts.TestAlerts.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

  private static final ReportRange MARCH_1_TO_3 =
      new ReportRange(
          LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03"), ReportRange.CITY_ZONE);

  @Test
  void shouldCountTheAlertsCreatedOnTheCitysDaysByBureauDistrictCategoryAndStatus() {
    var alerts =
        List.of(
            // 1 March 09:00 in Nantong
            alert("a", MARKET, "320602", Instant.parse("2026-03-01T01:00:00Z")),
            // 28 February 23:30 UTC is 1 March 07:30 in Nantong: inside
            alert("b", MARKET, "320612", Instant.parse("2026-02-28T23:30:00Z")),
            // 3 March 16:30 UTC is 4 March in Nantong: outside
            alert("late", MARKET, "320602", Instant.parse("2026-03-03T16:30:00Z")),
            acted(
                alert(
                    "c",
                    COPYRIGHT,
                    "320602",
                    "崇川区",
                    "books",
                    Instant.parse("2026-03-03T02:00:00Z"),
                    "t",
                    "s"),
                TriageActionType.DISMISS,
                AlertStatus.DISMISSED,
                Instant.parse("2026-03-03T03:00:00Z")));

    var summary = ReportBuilder.summarize(alerts, MARCH_1_TO_3);

    assertEquals(3, summary.total());
    assertEquals(
        List.of(new Count("MARKET_SUPERVISION", "市场监督管理局", 2), new Count("COPYRIGHT", "版权局", 1)),
        summary.byBureau());
    assertEquals(
        List.of(new Count("320602", "崇川区", 2), new Count("320612", "崇川区", 1)),
        summary.byDistrict());
    assertEquals(
        List.of(new Count("luxury_bags", "luxury_bags", 2), new Count("books", "books", 1)),
        summary.byCategory());
    assertEquals(6, summary.byStatus().size(), "every status, zeros too");
    assertEquals(new Count("OPEN", "OPEN", 2), summary.byStatus().get(0));
    assertEquals(new Count("DISMISSED", "DISMISSED", 1), summary.byStatus().get(3));
    assertEquals(new Count("CLOSED", "CLOSED", 0), summary.byStatus().get(5));
  }

  @Test
  void shouldGiveEveryDayOfTheRangeInTheSeriesEvenWithoutAlerts() {
    var alerts =
        List.of(
            alert("a", MARKET, "320602", Instant.parse("2026-03-01T01:00:00Z")),
            acted(
                alert("b", MARKET, "320602", Instant.parse("2026-03-01T02:00:00Z")),
                TriageActionType.CONFIRM,
                AlertStatus.CONFIRMED,
                Instant.parse("2026-03-01T03:00:00Z")),
            alert("c", MARKET, "320602", Instant.parse("2026-03-03T05:00:00Z")));

    var daily = ReportBuilder.summarize(alerts, MARCH_1_TO_3).daily();

    assertEquals(
        List.of("2026-03-01", "2026-03-02", "2026-03-03"),
        daily.stream().map(DailyCount::date).toList());
    assertEquals(List.of(2L, 0L, 1L), daily.stream().map(DailyCount::total).toList());
    assertEquals(1L, daily.get(0).byStatus().get("OPEN"));
    assertEquals(1L, daily.get(0).byStatus().get("CONFIRMED"));
    assertEquals(0L, daily.get(1).byStatus().get("OPEN"));
    assertEquals(
        List.of("OPEN", "ASSIGNED", "CONFIRMED", "DISMISSED", "REFERRED", "CLOSED"),
        List.copyOf(daily.get(0).byStatus().keySet()));
  }

  @Test
  void shouldMeasureTheWaitForTheFirstActionOverallAndPerBureau() {
    Instant created = Instant.parse("2026-03-02T01:00:00Z");
    var alerts =
        List.of(
            waited("ten-minutes", MARKET, created, 600),
            waited("half-hour", MARKET, created, 1800),
            waited("two-hours", COPYRIGHT, created, 7200),
            alert("untouched", MARKET, "320602", created));

    var summary = ReportBuilder.summarize(alerts, MARCH_1_TO_3);

    // Nearest rank: the median of three waits is the second, the 90th percentile the third.
    assertEquals(new ResponseTimes("ALL", "全部", 3, 1, 1800L, 7200L), summary.firstAction());
    assertEquals(
        List.of(
            new ResponseTimes("MARKET_SUPERVISION", "市场监督管理局", 2, 1, 600L, 1800L),
            new ResponseTimes("COPYRIGHT", "版权局", 1, 0, 7200L, 7200L)),
        summary.firstActionByBureau());
  }

  @Test
  void shouldCountOnlyTheFirstActionAndLeaveTheFiguresEmptyWhenNoneWasTaken() {
    Instant created = Instant.parse("2026-03-02T01:00:00Z");
    var twice =
        acted(
            waited("twice", MARKET, created, 300),
            TriageActionType.CONFIRM,
            AlertStatus.CONFIRMED,
            created.plusSeconds(9000));

    assertEquals(
        300L, ReportBuilder.summarize(List.of(twice), MARCH_1_TO_3).firstAction().p90Seconds());
    var none =
        ReportBuilder.summarize(List.of(alert("a", MARKET, "320602", created)), MARCH_1_TO_3)
            .firstAction();
    assertEquals(0, none.acted());
    assertEquals(1, none.notYet());
    assertNull(none.medianSeconds());
    assertNull(none.p90Seconds());
  }

  private static org.iprradar.common.model.Alert waited(
      String seller, org.iprradar.common.model.Bureau bureau, Instant created, long seconds) {
    return acted(
        alert(seller, bureau, "320602", created),
        TriageActionType.ASSIGN,
        AlertStatus.ASSIGNED,
        created.plusSeconds(seconds));
  }
}
