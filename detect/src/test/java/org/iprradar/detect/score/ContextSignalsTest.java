package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

/** The category, season and cross-border signals, and the estimated sales of an assessment. */
class ContextSignalsTest {

  private final Scorer scorer = Fixtures.scorer();

  // ---- Category priority ------------------------------------------------------------------------

  /** A row: a listing seen out of every season, and the category points it gets, or 0 for none. */
  private record CategoryRow(String title, String category, double points) {}

  @Test
  void shouldAddCategoryPriorityOnlyToAListingWithAnotherPositiveSignal() {
    var rows =
        List.of(
            // title             category         points   why
            new CategoryRow("五常大米 10斤", "food", 0), // a food listing is not suspicious by itself
            new CategoryRow("高仿 五常大米", "food", 8),
            new CategoryRow("高仿 奶粉 罐装", "baby_products", 8),
            new CategoryRow("高仿 复合肥 40kg", "agri_fertilizer", 8),
            new CategoryRow("高仿 手袋", "luxury_bags", 0), // not a focus category
            new CategoryRow("高仿 手袋", null, 0));
    for (var row : rows) {
      var a = assess(listing(row.title(), row.category()), Fixtures.NOW);
      String name = row.title() + " / " + row.category();

      assertEquals(row.points(), points(a, SignalType.CATEGORY_PRIORITY), name);
      if (row.points() > 0) {
        assertTrue(signal(a, SignalType.CATEGORY_PRIORITY).reason().contains(row.category()), name);
      }
      assertAddsUp(a);
    }
  }

  // ---- Seasonal windows -------------------------------------------------------------------------

  /** A row: when a listing was observed (UTC), and the window it falls into, or null for none. */
  private record SeasonRow(String title, String category, String observedAt, String window) {}

  @Test
  void shouldAddTheSeasonalWindowOfTheListingsDayInShanghai() {
    var rows =
        List.of(
            // title            category       observedAt (UTC)        window
            new SeasonRow("高仿 杂交水稻种子", "agri_seeds", "2026-04-10T02:00:00Z", "spring ploughing"),
            new SeasonRow("高仿 杂交水稻种子", "agri_seeds", "2026-06-20T02:00:00Z", "summer sowing"),
            new SeasonRow("高仿 杂交水稻种子", "agri_seeds", "2026-11-29T02:00:00Z", null),
            // 28 February in UTC, already 1 March in Shanghai.
            new SeasonRow("高仿 杂交水稻种子", "agri_seeds", "2026-02-28T23:30:00Z", "spring ploughing"),
            // 31 May in UTC, 1 June in Shanghai: summer sowing, no longer spring ploughing.
            new SeasonRow("高仿 农药", "agri_pesticide", "2026-05-31T20:00:00Z", "summer sowing"),
            // The last day is included; 16:30 UTC is past midnight in Shanghai, the day after.
            new SeasonRow("高仿 化肥", "agri_fertilizer", "2026-07-15T15:59:59Z", "summer sowing"),
            new SeasonRow("高仿 化肥", "agri_fertilizer", "2026-07-15T16:30:00Z", null),
            new SeasonRow("高仿 月饼 礼盒", "food", "2026-09-10T02:00:00Z", "Mid-Autumn"),
            new SeasonRow("高仿 茅台", "liquor", "2026-01-20T02:00:00Z", "Spring Festival"),
            new SeasonRow("高仿 手袋", "luxury_bags", "2026-04-10T02:00:00Z", null),
            // In season but nothing else suspicious: no signal at all.
            new SeasonRow("广式 月饼 礼盒", "food", "2026-09-10T02:00:00Z", null));
    for (var row : rows) {
      var listing = listing(row.title(), row.category(), Instant.parse(row.observedAt()), false);
      var a = assess(listing, Fixtures.NOW);
      String name = row.title() + " @ " + row.observedAt();

      var seasons = signals(a, SignalType.SEASONAL_WINDOW);
      if (row.window() == null) {
        assertTrue(seasons.isEmpty(), name + ": " + seasons);
      } else {
        assertEquals(1, seasons.size(), name + ": " + seasons);
        assertTrue(seasons.get(0).reason().contains(row.window()), name + ": " + seasons);
      }
      assertAddsUp(a);
    }
    assertEquals(0.0, assess(listing("广式 月饼 礼盒", "food"), Fixtures.NOW).score());
  }

  @Test
  void shouldTakeTheAssessmentClockWhenTheListingHasNoObservedTime() {
    var listing = listing("高仿 杂交水稻种子", "agri_seeds", null, false);

    var inSpring = assess(listing, Instant.parse("2026-04-10T02:00:00Z"));
    var inWinter = assess(listing, Instant.parse("2026-11-29T02:00:00Z"));

    assertTrue(signal(inSpring, SignalType.SEASONAL_WINDOW).reason().contains("spring ploughing"));
    assertTrue(signals(inWinter, SignalType.SEASONAL_WINDOW).isEmpty());
  }

  @Test
  void shouldRunAWindowThatStartsAfterItEndsOverTheNewYear() {
    var w = SeasonalWindow.of("winter", Set.of("food"), "12-20", "02-10", 5);

    assertTrue(w.contains(LocalDate.parse("2026-12-31")));
    assertTrue(w.contains(LocalDate.parse("2027-01-05")));
    assertTrue(w.contains(LocalDate.parse("2027-02-10")));
    assertFalse(w.contains(LocalDate.parse("2027-02-11")));
    assertFalse(w.contains(LocalDate.parse("2026-12-19")));
  }

  @Test
  void shouldRefuseMalformedWindowsAndPointsOutsideZeroToHundred() {
    var food = Set.of("food");
    for (String[] fromTo :
        List.of(
            new String[] {"3-1", "05-31"},
            new String[] {"03-01", "02-30"},
            new String[] {"13-01", "05-31"},
            new String[] {"0301", "05-31"})) {
      assertThrows(
          IllegalArgumentException.class,
          () -> SeasonalWindow.of("bad", food, fromTo[0], fromTo[1], 5),
          fromTo[0] + ".." + fromTo[1]);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> SeasonalWindow.of("bad", food, "03-01", "05-31", 101));
    assertThrows(
        IllegalArgumentException.class,
        () -> SeasonalWindow.of("bad", Set.of(), "03-01", "05-31", 5));
    var d = ScoringSettings.DEFAULTS;
    assertThrows(
        IllegalArgumentException.class,
        () -> d.withContext(Map.of("food", 150.0), d.seasonalWindows(), 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> d.withContext(d.categoryPoints(), d.seasonalWindows(), -1));
  }

  // ---- Cross-border -----------------------------------------------------------------------------

  /** A row: a listing, whether it is cross-border, and the cross-border points it gets. */
  private record CrossBorderRow(String title, boolean crossBorder, double points) {}

  @Test
  void shouldMarkACrossBorderListingOfAProtectedBrandForCustoms() {
    var rows =
        List.of(
            // title              crossBorder  points
            new CrossBorderRow("驴牌 老花 高仿 手袋", true, 10),
            new CrossBorderRow("驴牌 老花 高仿 手袋", false, 0),
            new CrossBorderRow("高仿 手袋", true, 0), // no protected brand
            new CrossBorderRow("南通 蓝印花布 桌旗", true, 0));
    for (var row : rows) {
      var a =
          assess(
              listing(row.title(), "luxury_bags", Fixtures.NOW, row.crossBorder()), Fixtures.NOW);
      String name = row.title() + " / " + row.crossBorder();

      assertEquals(row.points(), points(a, SignalType.CROSS_BORDER), name);
      assertEquals(row.crossBorder(), a.crossBorder(), name);
      if (row.points() > 0) {
        assertTrue(signal(a, SignalType.CROSS_BORDER).reason().contains("customs"), name);
        assertEquals("lv", signal(a, SignalType.CROSS_BORDER).brandId());
      }
      assertAddsUp(a);
    }
  }

  // ---- Everything together ----------------------------------------------------------------------

  @Test
  void shouldKeepContributionsAddingUpToAScoreOfAtMostHundred() {
    // Slang 45 + implausible claim 60 + category 8 + spring ploughing 8 = 121, scaled down to 100.
    var fertiliser =
        listing(
            "高仿 复合肥 总养分85% 40kg", "agri_fertilizer", Instant.parse("2026-04-10T02:00:00Z"), false);
    // Slang 45 + brand 25 + far below the band 35 + cross-border 10 = 115.
    var bag = listing("驴牌 老花 高仿 手袋", "luxury_bags", "300", Fixtures.NOW, true);

    for (var listing : List.of(fertiliser, bag)) {
      var a = assess(listing, Fixtures.NOW);

      assertEquals(100.0, a.score(), listing.title());
      assertAddsUp(a);
    }
    var a = assess(fertiliser, Fixtures.NOW);
    assertTrue(points(a, SignalType.CATEGORY_PRIORITY) > 0);
    assertTrue(points(a, SignalType.SEASONAL_WINDOW) > 0);
  }

  // ---- Estimated sales --------------------------------------------------------------------------

  @Test
  void shouldEstimateSalesAsPriceTimesUnitsSold() {
    var sold = listing("高仿 手袋", "luxury_bags");
    var unknown = withUnitsSold(sold, null);

    assertEquals(new BigDecimal("28000"), assess(sold, Fixtures.NOW).estimatedSales());
    assertNull(assess(unknown, Fixtures.NOW).estimatedSales());
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private Assessment assess(Listing listing, Instant now) {
    return scorer.assess(listing, Fixtures.matcher().match(listing), Fixtures.brands(), now);
  }

  /** A domestic listing at ¥2800 with 10 units sold, seen at {@link Fixtures#NOW}. */
  private static Listing listing(String title, String category) {
    return listing(title, category, Fixtures.NOW, false);
  }

  private static Listing listing(
      String title, String category, Instant observedAt, boolean crossBorder) {
    return listing(title, category, "2800", observedAt, crossBorder);
  }

  private static Listing listing(
      String title, String category, String price, Instant observedAt, boolean crossBorder) {
    var l = Fixtures.listing("c", title, price, category);
    return new Listing(
        l.platform(),
        l.listingId(),
        l.title(),
        l.description(),
        l.shopName(),
        l.price(),
        l.sellerId(),
        l.sellerRegion(),
        l.category(),
        l.unitsSold(),
        crossBorder,
        l.url(),
        l.imageUrls(),
        observedAt,
        l.version());
  }

  private static Listing withUnitsSold(Listing l, Long unitsSold) {
    return new Listing(
        l.platform(),
        l.listingId(),
        l.title(),
        l.description(),
        l.shopName(),
        l.price(),
        l.sellerId(),
        l.sellerRegion(),
        l.category(),
        unitsSold,
        l.crossBorder(),
        l.url(),
        l.imageUrls(),
        l.observedAt(),
        l.version());
  }

  private static List<Signal> signals(Assessment a, SignalType type) {
    return a.signals().stream().filter(s -> s.type() == type).toList();
  }

  private static Signal signal(Assessment a, SignalType type) {
    return signals(a, type).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + a.signals()));
  }

  private static double points(Assessment a, SignalType type) {
    return signals(a, type).stream().mapToDouble(Signal::contribution).sum();
  }

  private static void assertAddsUp(Assessment a) {
    double sum = a.signals().stream().mapToDouble(Signal::contribution).sum();
    assertEquals(a.score(), sum, 1e-6, a.title() + ": " + a.signals());
    assertTrue(a.score() >= 0 && a.score() <= 100, a.title() + ": " + a.score());
  }
}
