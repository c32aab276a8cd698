package org.iprradar.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchResult;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listings per second and thread: one operation matches one real title. {@code presearch} is the
 * production path ({@link Presearcher#TERM_FILTERED}), {@code everyRule} the same matcher with
 * {@link Presearcher#NO_FILTERING}, which verifies every rule; {@code analysisOnly} is the floor
 * under both: the analyzer's pass over the listing, which every listing needs whatever the rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatchBenchmark {

  @Param({"1000", "10000", "50000"})
  public int rules;

  private ListingMatcher presearching;
  private ListingMatcher unfiltered;
  private Listing[] listings;

  /** Each thread walks the listings on its own, so threads do not share a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    Listing next(Listing[] listings) {
      Listing listing = listings[next];
      next = next + 1 == listings.length ? 0 : next + 1;
      return listing;
    }
  }

  @Setup
  public void setUp() {
    List<TaobaoTitle> titles = BenchmarkData.titles();
    listings = BenchmarkData.listings(titles);
    var analyzer = new ListingAnalyzer();
    List<MatchRule> compiled =
        BenchmarkData.compile(BenchmarkRules.of(rules, titles, BenchmarkData.SEED), analyzer);
    presearching = new ListingMatcher(compiled, analyzer, Presearcher.TERM_FILTERED);
    unfiltered = new ListingMatcher(compiled, analyzer, Presearcher.NO_FILTERING);
  }

  @Benchmark
  public MatchResult presearch(Cursor cursor) {
    return presearching.match(cursor.next(listings));
  }

  @Benchmark
  public MatchResult everyRule(Cursor cursor) {
    return unfiltered.match(cursor.next(listings));
  }

  @Benchmark
  public int analysisOnly(Cursor cursor) {
    return presearching.analyseOnly(cursor.next(listings));
  }
}
