package org.iprradar.detect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.score.SellerHistoryWeights;
import org.junit.jupiter.api.Test;

/**
 * The category points and the cross-border weight reach the scoring settings. (Binding itself is
 * Micronaut's; a context here would start the detect service and need a broker.)
 */
class ScoringConfigurationTest {

  private static DetectConfiguration config(
      Map<String, Double> categoryPoints, double crossBorder) {
    return new DetectConfiguration(
        "classpath:config/rules.yaml",
        "classpath:config/brands.yaml",
        25,
        35,
        0.5,
        20,
        60,
        Duration.ofSeconds(60),
        30,
        15,
        30,
        10,
        20,
        40,
        categoryPoints,
        crossBorder,
        0.4,
        15,
        12,
        36,
        3,
        9,
        25,
        6,
        2.5);
  }

  @Test
  void shouldTakeConfiguredNetworkAndComplaintWeights() {
    var weights = new DetectFactory().sellerContextWeights(config(null, 10));

    assertEquals(
        new org.iprradar.detect.score.SellerContextWeights(0.4, 15, 12, 36, 3, 9, 25, 6, 2.5),
        weights);
  }

  @Test
  void shouldTakeConfiguredCategoryPointsAndCrossBorderWeight() {
    var settings =
        new DetectFactory().scoringSettings(config(Map.of("agri_seeds", 3.0, "food", 4.5), 7));

    assertEquals(Map.of("agri_seeds", 3.0, "food", 4.5), settings.categoryPoints());
    assertEquals(7.0, settings.crossBorderWeight());
    assertEquals(ScoringSettings.DEFAULTS.seasonalWindows(), settings.seasonalWindows());
  }

  @Test
  void shouldKeepTheDefaultCategoryPointsWhenNoneAreConfigured() {
    var settings = new DetectFactory().scoringSettings(config(null, 10));

    assertEquals(ScoringSettings.DEFAULTS.categoryPoints(), settings.categoryPoints());
  }

  @Test
  void shouldStartTheScoringBookFromTheConfiguredSettingsForEveryCategory() {
    var factory = new DetectFactory();
    var settings = factory.scoringSettings(config(Map.of("food", 4.5), 7));

    var config = config(Map.of("food", 4.5), 7);
    var book =
        factory.scoringBook(
            settings, SellerHistoryWeights.DEFAULTS, factory.sellerContextWeights(config));

    assertEquals(settings, book.get().forCategory("food").settings());
    assertEquals(settings, book.get().forCategory(null).settings());
    assertEquals(SellerHistoryWeights.DEFAULTS, book.get().fallback().sellerWeights());
    assertEquals(
        factory.sellerContextWeights(config), book.get().forCategory("food").contextWeights());
  }
}
