package org.iprradar.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.RuleCompiler;
import org.iprradar.detect.match.RuleSyntaxException;

/**
 * The real titles as listings and the compiled rule sets the benchmarks share. The titles file is
 * {@code -Dtitles=...}, by default {@code ../shared/data/taobao-titles.jsonl} seen from the
 * repository root.
 */
final class BenchmarkData {

  static final long SEED = 20261129L;

  private BenchmarkData() {}

  static List<TaobaoTitle> titles() {
    return TaobaoTitle.read(
        Path.of(System.getProperty("titles", TaobaoTitle.FROM_ROOT.toString())));
  }

  /** Every title as a listing with only a title, in a fixed random order. */
  static Listing[] listings(List<TaobaoTitle> titles) {
    var listings = new ArrayList<Listing>(titles.size());
    for (int i = 0; i < titles.size(); i++) {
      listings.add(
          new Listing(
              "taobao",
              "t-" + i,
              titles.get(i).title(),
              "",
              "",
              BigDecimal.TEN,
              "seller-" + i,
              "320602",
              null,
              null,
              false,
              null,
              List.of(),
              Instant.EPOCH,
              1));
    }
    Collections.shuffle(listings, new Random(SEED));
    return listings.toArray(Listing[]::new);
  }

  static List<MatchRule> compile(List<Rule> rules, ListingAnalyzer analyzer) {
    var compiler = new RuleCompiler(analyzer);
    var compiled = new ArrayList<MatchRule>(rules.size());
    for (Rule rule : rules) {
      try {
        compiled.add(compiler.compile(rule));
      } catch (RuleSyntaxException e) {
        throw new IllegalStateException("a generated rule does not compile", e);
      }
    }
    return compiled;
  }
}
