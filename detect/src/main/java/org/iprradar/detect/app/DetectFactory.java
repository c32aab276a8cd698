package org.iprradar.detect.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.iprradar.detect.config.BrandLoader;
import org.iprradar.detect.config.RuleLoader;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringBook;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.score.SellerContextWeights;
import org.iprradar.detect.score.SellerHistoryWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the rule book from the configured rule and brand files, and the scoring book with its
 * start-up weights.
 */
@Factory
final class DetectFactory {

  private static final Logger LOG = LoggerFactory.getLogger(DetectFactory.class);

  @Singleton
  ScoringSettings scoringSettings(DetectConfiguration config) {
    var defaults = ScoringSettings.DEFAULTS;
    return new ScoringSettings(
        config.brandMentionWeight(),
        config.priceBelowBandWeight(),
        config.priceBandRatio(),
        config.priceWithinBandWeight(),
        config.leadThreshold(),
        defaults.compatibilityMarkers(),
        defaults.officialShopMarkers(),
        defaults.retailUnits(),
        defaults.implausibleNutrientWeight(),
        defaults.maxPlausibleNutrientPercent(),
        defaults.brandTypeByCategory(),
        config.categoryPoints() == null ? defaults.categoryPoints() : config.categoryPoints(),
        // A list of windows does not bind simply from properties: the windows stay code defaults.
        defaults.seasonalWindows(),
        config.crossBorderWeight());
  }

  @Singleton
  RuleBook ruleBook(DetectConfiguration config, ScoringSettings scoring) {
    var book =
        new RuleBook(
            new ListingAnalyzer(), scoring.brandMentionWeight(), Presearcher.TERM_FILTERED);
    try {
      var brands = BrandLoader.load(config.brands());
      brands.errors().forEach(error -> LOG.error("Brand refused: {}", error));
      brands.loaded().forEach(book::putBrand);
      LOG.info("Loaded {} protected brands from {}", brands.loaded().size(), config.brands());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read brands from " + config.brands(), e);
    }
    try {
      var rules = RuleLoader.loadInto(config.rules(), book);
      rules.errors().forEach(error -> LOG.error("Rule refused: {}", error));
      LOG.info("Loaded {} rules from {}", rules.loaded().size(), config.rules());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules from " + config.rules(), e);
    }
    book.publish();
    return book;
  }

  @Singleton
  SellerHistoryWeights sellerHistoryWeights(DetectConfiguration config) {
    return SellerHistoryWeights.DEFAULTS.withPoints(
        config.sellerBlacklistedWeight(),
        config.sellerPenaltyWeight(),
        config.sellerPenaltyCap(),
        config.sellerConfirmedAlertWeight(),
        config.sellerConfirmedAlertCap(),
        config.sellerHistoryCap());
  }

  /** Scores with the configured settings alone; the topology scores with {@link ScoringBook}. */
  @Singleton
  SellerContextWeights sellerContextWeights(DetectConfiguration config) {
    return new SellerContextWeights(
        config.networkShare(),
        config.networkCap(),
        config.listingComplaintWeight(),
        config.listingComplaintCap(),
        config.sellerComplaintWeight(),
        config.sellerComplaintCap(),
        config.complaintSurgeWeight(),
        config.complaintSurgeMinimum(),
        config.complaintSurgeRatio());
  }

  @Singleton
  Scorer scorer(
      ScoringSettings settings,
      SellerHistoryWeights sellerWeights,
      SellerContextWeights contextWeights) {
    return new Scorer(settings, sellerWeights, contextWeights);
  }

  /**
   * The settings in force: the configured ones, overridden at run time by the scoring-settings
   * topic.
   */
  @Singleton
  ScoringBook scoringBook(
      ScoringSettings settings,
      SellerHistoryWeights sellerWeights,
      SellerContextWeights contextWeights) {
    var book = new ScoringBook(settings, sellerWeights, contextWeights);
    LOG.info("Scoring settings from configuration have version {}", book.get().version());
    return book;
  }
}
