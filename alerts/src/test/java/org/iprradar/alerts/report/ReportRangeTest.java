package org.iprradar.alerts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportRangeTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

  @Test
  void shouldCoverTheLastThirtyDaysTodayIncludedWhenNoDateIsGiven() {
    var range = ReportRange.parse(null, "", TODAY);

    assertEquals(LocalDate.parse("2026-03-02"), range.from());
    assertEquals(TODAY, range.to());
    assertEquals("Asia/Shanghai", range.zone().getId());
  }

  @Test
  void shouldCountThirtyDaysBackFromAGivenEnd() {
    var range = ReportRange.parse(null, "2026-02-28", TODAY);

    assertEquals(LocalDate.parse("2026-01-30"), range.from());
  }

  @Test
  void shouldNameTheParameterThatIsNotADate() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> ReportRange.parse("2026/03/01", null, TODAY));

    assertEquals("from must be a date as YYYY-MM-DD, was '2026/03/01'", e.getMessage());
  }

  @Test
  void shouldRefuseARangeThatEndsBeforeItStartsOrIsLongerThanAYear() {
    var backwards =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReportRange.parse("2026-03-05", "2026-03-04", TODAY));
    var tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReportRange.parse("2020-01-01", "2026-03-04", TODAY));

    assertEquals("from (2026-03-05) must not be after to (2026-03-04)", backwards.getMessage());
    assertEquals("the range covers 2255 days; at most 366 are allowed", tooLong.getMessage());
  }
}
