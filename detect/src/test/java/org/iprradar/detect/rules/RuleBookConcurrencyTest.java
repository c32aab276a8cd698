package org.iprradar.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.match.RuleHit;
import org.junit.jupiter.api.Test;

/**
 * Readers match on several threads while a writer publishes version after version: every rule set a
 * reader gets is one whole publication, never a mix of two.
 */
class RuleBookConcurrencyTest {

  private static final int VERSIONS = 300;
  private static final int RULES_PER_VERSION = 5;
  private static final int READERS = 4;

  private final RuleBook book = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);

  /** A Latin word unique to {@code n}, letters only so the analyzer keeps it whole. */
  private static String word(String prefix, int n) {
    var letters = new StringBuilder(prefix);
    for (int i = 0; i < 3; i++) {
      letters.append((char) ('a' + n % 26));
      n /= 26;
    }
    return letters.toString();
  }

  private static Rule rule(int version, int j) {
    return new Rule(
        "gen-" + version + "-" + j,
        version,
        word("slangword", version),
        InfringementType.COUNTERFEIT_TRADEMARK,
        null,
        10,
        null,
        true,
        null);
  }

  private static Brand brand(int n) {
    return new Brand(
        "b-" + n,
        List.of(word("brandname", n)),
        List.of(),
        "owner",
        null,
        null,
        null,
        null,
        List.of(),
        1);
  }

  /**
   * Version {@code v} holds exactly the rules gen-v-0..4, all matching one word of generation v,
   * and the brands b-1..b-v.
   */
  private static void publishVersion(RuleBook book, int v) {
    for (int j = 0; j < RULES_PER_VERSION; j++) {
      if (v > 1) {
        book.removeRule("gen-" + (v - 1) + "-" + j);
      }
      book.putRule(rule(v, j));
    }
    book.putBrand(brand(v));
    assertEquals(v, book.publish().version());
  }

  /** The one generation the set's text rules belong to; fails on a mix. */
  private static int generationOf(RuleSet set) {
    Set<Integer> generations =
        set.matcher().rules().stream()
            .filter(r -> r.brandId() == null)
            .map(r -> Integer.parseInt(r.id().split("-")[1]))
            .collect(Collectors.toSet());
    assertEquals(1, generations.size(), "rules of one publication only: " + generations);
    return generations.iterator().next();
  }

  @Test
  void shouldGiveReadersOnlyWholePublicationsWhileAWriterPublishesManyVersions() throws Exception {
    publishVersion(book, 1);
    // A listing that names every generation's word and every brand: each set must match exactly
    // its own rules.
    var title = new StringBuilder();
    for (int v = 1; v <= VERSIONS; v++) {
      title.append(word("slangword", v)).append(' ').append(word("brandname", v)).append(' ');
    }
    var listing = Fixtures.listing("all", title.toString(), "100", "other");

    var done = new AtomicBoolean();
    var start = new CountDownLatch(1);
    var seenVersions = ConcurrentHashMap.<Long>newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(READERS);
    try {
      var readers = new ArrayList<Future<Integer>>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            pool.submit(
                () -> {
                  start.await();
                  long last = 0;
                  int matches = 0;
                  while (!done.get() || matches == 0) {
                    RuleSet set = book.get();
                    assertTrue(set.version() >= last, "versions never go back");
                    last = set.version();
                    seenVersions.add(last);
                    int v = (int) set.version();
                    assertEquals(v, generationOf(set));
                    assertEquals(RULES_PER_VERSION + v, set.matcher().rules().size());
                    assertEquals(v, set.brands().all().size());

                    List<RuleHit> hits = set.matcher().match(listing).hits();

                    var ids = hits.stream().map(RuleHit::rule).map(MatchRule::id).toList();
                    assertEquals(RULES_PER_VERSION + v, ids.size(), ids.toString());
                    assertTrue(
                        ids.stream()
                            .filter(id -> id.startsWith("gen-"))
                            .allMatch(id -> id.startsWith("gen-" + v + "-")),
                        ids.toString());
                    matches++;
                  }
                  return matches;
                }));
      }

      start.countDown();
      for (int v = 2; v <= VERSIONS; v++) {
        publishVersion(book, v);
      }
      done.set(true);

      for (Future<Integer> reader : readers) {
        assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
      }
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
    assertTrue(
        seenVersions.size() > 1, "readers saw the rule book change under them: " + seenVersions);
  }
}
