package org.iprradar.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;

/**
 * Prints the heap a rule set holds, for the rule sets of {@link MatchBenchmark}: the compiled rules
 * (parsed queries), a matcher without presearch on them (their queries rewritten once), and one
 * with the presearch index; the difference of the two matchers is the index. Measured as heap in
 * use after full collections, before and after building, so run it in a JVM of its own.
 */
public final class IndexHeap {

  private IndexHeap() {}

  public static void main(String[] args) throws InterruptedException {
    int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 50_000} : parse(args);
    List<TaobaoTitle> titles = BenchmarkData.titles();
    var analyzer = new ListingAnalyzer();
    // Warm the analyzer's lazy tables so they are not counted in the first rule set.
    BenchmarkData.compile(BenchmarkRules.of(10, titles, BenchmarkData.SEED), analyzer);
    System.out.println(
        "rules\tcompiled rules MB\tNO_FILTERING matcher MB\tTERM_FILTERED matcher MB"
            + "\tpresearch index MB\tbytes per rule in all");
    for (int size : sizes) {
      List<Rule> rules = BenchmarkRules.of(size, titles, BenchmarkData.SEED);
      long base = usedHeap();
      List<MatchRule> compiled = BenchmarkData.compile(rules, analyzer);
      long withRules = usedHeap();
      var plain = new ListingMatcher(compiled, analyzer, Presearcher.NO_FILTERING);
      long withPlain = usedHeap();
      var filtered = new ListingMatcher(compiled, analyzer, Presearcher.TERM_FILTERED);
      long withFiltered = usedHeap();
      long rulesBytes = withRules - base;
      long plainBytes = withPlain - withRules;
      long filteredBytes = withFiltered - withPlain;
      System.out.printf(
          "%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d%n",
          size,
          mb(rulesBytes),
          mb(plainBytes),
          mb(filteredBytes),
          mb(filteredBytes - plainBytes),
          (rulesBytes + filteredBytes) / size);
      // Keep everything reachable until measured.
      if (plain.rules().size() + filtered.rules().size() != 2 * compiled.size()) {
        throw new IllegalStateException("rules lost");
      }
    }
  }

  private static long usedHeap() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    // Collect until the figure settles: one System.gc() may leave finalizable or soft garbage.
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(now - used) < 64 * 1024) {
        return now;
      }
      used = now;
    }
    return used;
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
