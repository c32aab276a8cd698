package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

/** How scoring-settings entries lay over the start-up settings, per category, and their version. */
class ScoringBookTest {

  private final ScoringBook book =
      new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);

  /** An entry as an operator writes it to the topic. */
  private static ScoringOverride entry(String json) {
    return Topics.SCORING_SETTINGS
        .valueSerde()
        .deserializer()
        .deserialize("", json.getBytes(StandardCharsets.UTF_8));
  }

  private static ScoringOverride threshold(int version, double leadThreshold) {
    return entry("{\"version\": " + version + ", \"leadThreshold\": " + leadThreshold + "}");
  }

  private static double score(ScorerSet set, Listing listing) {
    return set.forCategory(listing.category())
        .assess(listing, Fixtures.matcher().match(listing), Fixtures.brands(), Fixtures.NOW)
        .score();
  }

  private static boolean lead(ScorerSet set, Listing listing) {
    return set.forCategory(listing.category())
        .assess(listing, Fixtures.matcher().match(listing), Fixtures.brands(), Fixtures.NOW)
        .lead();
  }

  @Test
  void shouldUseEachCategorysOwnThresholdOverTheEntryForAllOverTheStartUpSettings() {
    // Given all categories at 70, food at 50 and 10 category points, luxury bags untouched
    book.put(ScoringOverride.ALL_CATEGORIES, threshold(1, 70));
    book.put("food", entry("{\"version\": 1, \"leadThreshold\": 50, \"categoryPoints\": 10}"));
    ScorerSet set = book.publish();

    // replica slang 45 + food category 10 = 55: a lead at food's 50
    var mooncake = Fixtures.listing("f-1", "高仿 五仁月饼 礼盒", "88", "food");
    // LV 25 + price far below band 35 = 60: no lead at the 70 for all
    var bag = Fixtures.listing("b-1", "路易威登 手袋", "1000", "luxury_bags");

    assertEquals(55.0, score(set, mooncake));
    assertTrue(lead(set, mooncake));
    assertEquals(60.0, score(set, bag));
    assertFalse(lead(set, bag));
    assertEquals(50.0, set.forCategory("food").settings().leadThreshold());
    assertEquals(70.0, set.forCategory("luxury_bags").settings().leadThreshold());
    assertEquals(70.0, set.forCategory(null).settings().leadThreshold());
    // Food's entry leaves the brand weight to the entry for all, which leaves it to start-up
    assertEquals(25.0, set.forCategory("food").settings().brandMentionWeight());
  }

  @Test
  void shouldRefuseCategoryPointsForAllCategoriesAndKeysThatAreNoCategory() {
    var points =
        book.put(ScoringOverride.ALL_CATEGORIES, entry("{\"version\": 1, \"categoryPoints\": 5}"));
    var key = book.put("Luxury Bags", threshold(1, 50));

    assertTrue(points.orElseThrow().startsWith("categoryPoints is set per category"), points.get());
    assertTrue(key.orElseThrow().contains("key Luxury Bags is neither default"), key.get());
    assertTrue(book.entries().isEmpty());
  }

  @Test
  void shouldGiveTheSameVersionToTheSameSettingsWhateverTheOrderTheyCameIn() {
    var first = new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
    first.put("food", threshold(1, 50));
    first.put(ScoringOverride.ALL_CATEGORIES, threshold(2, 70));
    var second = new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
    second.put(ScoringOverride.ALL_CATEGORIES, threshold(2, 70));
    second.put("food", threshold(1, 50));

    assertEquals(first.publish().version(), second.publish().version());
  }

  @Test
  void shouldChangeTheVersionWithAnyChangeAndReturnToItWhenTheChangeIsUndone() {
    String startUp = book.get().version();

    book.put("food", threshold(1, 50));
    String withFood = book.publish().version();
    book.put("food", threshold(1, 55));
    String changedValue = book.publish().version();
    book.remove("food");
    String removed = book.publish().version();

    assertNotEquals(startUp, withFood);
    assertNotEquals(withFood, changedValue, "a changed value is another version");
    assertEquals(startUp, removed);
    assertNotEquals(
        startUp,
        new ScoringBook(
                ScoringSettings.DEFAULTS.withLeadThreshold(65), SellerHistoryWeights.DEFAULTS)
            .get()
            .version(),
        "the start-up settings are part of the version");
  }

  @Test
  void shouldGiveAFixedScorerTheVersionOfABookWithoutEntries() {
    assertEquals(
        book.get().version(),
        ScorerSet.of(new Scorer(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS))
            .version());
  }

  @Test
  void shouldWeighASellersHistoryWithTheWeightsOfTheListingsCategory() {
    // Given food weighing a blacklisted seller 10 instead of the start-up 30
    book.put("food", entry("{\"version\": 1, \"sellerBlacklistedWeight\": 10}"));
    ScorerSet set = book.publish();
    var blacklisted = Fixtures.seller("seller-f-2", "2025-06-01", 0, 1);
    var mooncake = Fixtures.listing("f-2", "高仿 五仁月饼 礼盒", "88", "food");
    var bag = Fixtures.listing("b-2", "高仿 手袋", "300", "luxury_bags", "seller-f-2", "");

    // replica slang 45 + blacklisted seller 10 + focus category food 8
    assertEquals(63.0, scoreWithSeller(set, mooncake, blacklisted));
    // replica slang 45 + blacklisted seller 30: luxury bags keep the start-up weight
    assertEquals(75.0, scoreWithSeller(set, bag, blacklisted));
  }

  private static double scoreWithSeller(ScorerSet set, Listing listing, SellerRecord seller) {
    return set.forCategory(listing.category())
        .assess(listing, Fixtures.matcher().match(listing), Fixtures.brands(), seller, Fixtures.NOW)
        .score();
  }
}
