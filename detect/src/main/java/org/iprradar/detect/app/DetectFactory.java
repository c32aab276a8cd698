package org.iprradar.detect.app;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.iprradar.detect.config.BrandLoader;
import org.iprradar.detect.config.RuleLoader;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.RuleCompiler;
import org.iprradar.detect.score.BrandRegistry;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the matcher and scorer from the configured rule and brand files. */
@Factory
final class DetectFactory {

  private static final Logger LOG = LoggerFactory.getLogger(DetectFactory.class);

  @Singleton
  ListingAnalyzer analyzer() {
    return new ListingAnalyzer();
  }

  @Singleton
  BrandRegistry brandRegistry(DetectConfiguration config) {
    try {
      var report = BrandLoader.load(config.brands());
      report.errors().forEach(error -> LOG.error("Brand refused: {}", error));
      LOG.info("Loaded {} protected brands from {}", report.loaded().size(), config.brands());
      return new BrandRegistry(report.loaded());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read brands from " + config.brands(), e);
    }
  }

  @Singleton
  ScoringSettings scoringSettings(DetectConfiguration config) {
    return new ScoringSettings(
        config.brandMentionWeight(),
        config.priceBelowBandWeight(),
        config.priceBandRatio(),
        config.leadThreshold(),
        ScoringSettings.DEFAULTS.compatibilityMarkers());
  }

  @Singleton
  ListingMatcher matcher(
      DetectConfiguration config,
      ListingAnalyzer analyzer,
      BrandRegistry brands,
      ScoringSettings scoring) {
    var compiler = new RuleCompiler(analyzer);
    var rules = new ArrayList<MatchRule>();
    try {
      var report = new RuleLoader(compiler).load(config.rules());
      report.errors().forEach(error -> LOG.error("Rule refused: {}", error));
      rules.addAll(report.loaded());
      LOG.info("Loaded {} rules from {}", report.loaded().size(), config.rules());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules from " + config.rules(), e);
    }
    brands.all().forEach(b -> rules.add(compiler.compileBrand(b, scoring.brandMentionWeight())));
    return new ListingMatcher(rules, analyzer);
  }

  @Singleton
  Scorer scorer(ScoringSettings settings, BrandRegistry brands) {
    return new Scorer(settings, brands);
  }
}
