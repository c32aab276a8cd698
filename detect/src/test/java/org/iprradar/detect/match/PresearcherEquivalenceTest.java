package org.iprradar.detect.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.TaobaoTitle;
import org.junit.jupiter.api.Test;

/**
 * The presearcher may only save work: over thousands of random rules and the real Taobao titles,
 * matching with it finds exactly the hits, evidence and errors that trying every rule finds. The
 * seed is random on every run and printed on failure; rerun one with {@code
 * -Dequivalence.seed=...}.
 */
class PresearcherEquivalenceTest {

  /** Each round draws new listings and new rules; more rounds search longer. */
  private static final int ROUNDS = Integer.getInteger("equivalence.rounds", 3);

  private static final int QUERY_RULES = 1_000;
  private static final int BRAND_RULES = 150;
  private static final int LUCENE_RULES = 80;
  private static final int LISTINGS = 100;
  private static final List<String> CATEGORIES =
      Arrays.asList(null, "luxury_bags", "footwear", "apparel");

  private final ListingAnalyzer analyzer = new ListingAnalyzer();
  private final RuleCompiler compiler = new RuleCompiler(analyzer);

  @Test
  void shouldFindWithThePresearcherExactlyWhatTryingEveryRuleFinds() {
    assumeTrue(
        Files.isReadable(TaobaoTitle.FROM_MODULE), "no data set at " + TaobaoTitle.FROM_MODULE);
    List<TaobaoTitle> titles = TaobaoTitle.read(TaobaoTitle.FROM_MODULE);
    long seed = Long.getLong("equivalence.seed", new Random().nextLong());
    var random = new Random(seed);
    var queries = new RandomRuleQueries(random, titles);
    var failures = new ArrayList<String>();
    int hits = 0;
    int compiled = 0;
    for (int round = 0; round < ROUNDS && failures.isEmpty(); round++) {
      var listings = new ArrayList<Listing>();
      for (int i = 0; i < LISTINGS; i++) {
        listings.add(listing(random, queries, round + "-" + i));
      }
      queries.focusOn(listings.stream().map(Listing::title).toList());
      var sources = new HashMap<String, String>();
      List<MatchRule> rules = rules(random, queries, sources);
      compiled += rules.size();
      var filtered = new ListingMatcher(rules, analyzer, Presearcher.TERM_FILTERED);
      var unfiltered = new ListingMatcher(rules, analyzer, Presearcher.NO_FILTERING);
      for (int i = 0; i < listings.size() && failures.size() < 5; i++) {
        Listing listing = listings.get(i);
        MatchResult expected = filtered.matchAll(listing);
        MatchResult actual = filtered.match(listing);
        hits += expected.hits().size();
        if (!expected.equals(actual)) {
          failures.add(difference(listing, expected, actual, sources));
        }
        if (i % 4 == 0) {
          assertEquals(expected, unfiltered.match(listing), "NO_FILTERING, seed " + seed);
        }
      }
    }
    System.out.printf(
        "seed %d: %d rules, %d listings, %d hits%n", seed, compiled, ROUNDS * LISTINGS, hits);
    assertTrue(
        failures.isEmpty(),
        () -> "seed " + seed + " (rerun with -Dequivalence.seed=" + seed + "):\n" + failures);
    // Guard against a generator that drifts into rules that never hit: that would prove nothing.
    assertTrue(hits > ROUNDS * LISTINGS * 3, "too few hits to compare: " + hits + ", seed " + seed);
    assertTrue(compiled > ROUNDS * QUERY_RULES / 2, "too few rules compiled, seed " + seed);
  }

  private List<MatchRule> rules(
      Random random, RandomRuleQueries queries, Map<String, String> sources) {
    var rules = new ArrayList<MatchRule>();
    var parsed = new ArrayList<Query>();
    for (int i = 0; i < QUERY_RULES; i++) {
      String query = queries.next();
      String category = random.nextInt(10) == 0 ? CATEGORIES.get(1 + random.nextInt(2)) : null;
      var rule =
          new Rule(
              "q" + i,
              1,
              query,
              InfringementType.COUNTERFEIT_TRADEMARK,
              category,
              10,
              null,
              true,
              null);
      try {
        MatchRule compiled = compiler.compile(rule);
        rules.add(compiled);
        parsed.add(compiled.query());
        sources.put(rule.id(), query);
      } catch (RuleSyntaxException e) {
        // Random syntax is sometimes invalid; the rule book refuses such rules too.
      }
    }
    for (int i = 0; i < BRAND_RULES; i++) {
      rules.add(compiler.compileBrand(brand(random, queries, "b" + i), 30));
    }
    for (int i = 0; i < LUCENE_RULES; i++) {
      rules.add(textRule("l" + i, luceneQuery(random, queries, parsed)));
    }
    rules.add(textRule("too-many-clauses", tooManyClauses(queries)));
    rules.forEach(r -> sources.putIfAbsent(r.id(), r.query().toString()));
    // Rules are tried in list order: shuffle so that no kind of rule always comes first.
    Collections.shuffle(rules, random);
    return rules;
  }

  private static MatchRule textRule(String id, Query query) {
    return new MatchRule(
        id,
        1,
        SignalType.TEXT_RULE,
        query,
        InfringementType.COUNTERFEIT_TRADEMARK,
        null,
        10,
        null,
        null);
  }

  /**
   * More nested clauses than a searcher accepts: the rule fails on every listing, and must be
   * reported on every listing, not only where its terms occur.
   */
  private static Query tooManyClauses(RandomRuleQueries queries) {
    var outer = new BooleanQuery.Builder();
    int perGroup = IndexSearcher.getMaxClauseCount() / 2 + 1;
    for (int group = 0; group < 2; group++) {
      var inner = new BooleanQuery.Builder();
      for (int i = 0; i < perGroup; i++) {
        String term = i < 20 ? queries.title().substring(0, 1) : "w" + group + "-" + i;
        inner.add(new TermQuery(new Term("title", term)), Occur.SHOULD);
      }
      outer.add(inner.build(), Occur.SHOULD);
    }
    return outer.build();
  }

  /** A brand from one to three tagged names, sometimes with slang as an alias. */
  private static Brand brand(Random random, RandomRuleQueries queries, String id) {
    var names = new LinkedHashSet<String>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      names.add(queries.pick(queries.brands()).replace(',', ' '));
    }
    List<String> aliases =
        random.nextInt(4) == 0 ? List.of(queries.pick(RandomRuleQueries.SLANG)) : List.of();
    return new Brand(
        id, List.copyOf(names), aliases, "owner", null, null, null, null, List.of(), 1);
  }

  /** Query types the query parser does not write but the presearcher must still understand. */
  private static Query luceneQuery(Random random, RandomRuleQueries queries, List<Query> parsed) {
    Query a = queries.pick(parsed);
    Query b = queries.pick(parsed);
    String field = random.nextBoolean() ? "title" : "description";
    String title = queries.title();
    Term first = new Term(field, han(title, random));
    Term second = new Term(field, han(title, random));
    return switch (random.nextInt(7)) {
      case 0 -> new DisjunctionMaxQuery(List.of(a, b), 0.1f);
      case 1 -> new ConstantScoreQuery(a);
      case 2 ->
          new BooleanQuery.Builder()
              .add(a, Occur.FILTER)
              .add(b, Occur.SHOULD)
              .add(queries.pick(parsed), Occur.MUST_NOT)
              .build();
      case 3 ->
          new BooleanQuery.Builder()
              .add(a, Occur.SHOULD)
              .add(b, Occur.SHOULD)
              .add(queries.pick(parsed), Occur.SHOULD)
              .setMinimumNumberShouldMatch(2)
              .build();
      case 4 -> new SynonymQuery.Builder(field).addTerm(first).addTerm(second).build();
      case 5 -> new PhraseQuery.Builder().add(first, 0).add(second, 2).build();
      default ->
          new MultiPhraseQuery.Builder()
              .add(new Term[] {first, second})
              .add(new Term(field, han(title, random)))
              .build();
    };
  }

  /** One character of a title as the analyzer indexes it: a Han ideograph stays itself. */
  private static String han(String title, Random random) {
    int at = random.nextInt(Math.max(1, title.length()));
    return title.isEmpty() ? "高" : title.substring(at, at + 1);
  }

  /** A real title, often with another title as its description and a shop name. */
  private static Listing listing(Random random, RandomRuleQueries queries, String id) {
    String description = random.nextInt(10) < 4 ? queries.title() : "";
    String shopName =
        switch (random.nextInt(10)) {
          case 0, 1 -> queries.pick(queries.brands()) + "旗舰店";
          case 2 -> queries.title();
          default -> "";
        };
    return Fixtures.listing(
        id,
        queries.title(),
        description,
        shopName,
        BigDecimal.TEN,
        "seller-" + id,
        CATEGORIES.get(random.nextInt(CATEGORIES.size())));
  }

  /** Only what differs, with the source of each rule: the whole results are too long to read. */
  private static String difference(
      Listing listing, MatchResult expected, MatchResult actual, Map<String, String> sources) {
    Map<String, Object> want = outcomes(expected);
    Map<String, Object> got = outcomes(actual);
    var why = new StringBuilder();
    why.append("listing title=").append(listing.title());
    why.append(" | description=").append(listing.description());
    why.append(" | shopName=").append(listing.shopName());
    why.append(" | category=").append(listing.category());
    var ids = new LinkedHashSet<>(want.keySet());
    ids.addAll(got.keySet());
    for (String id : ids) {
      if (!Objects.equals(want.get(id), got.get(id))) {
        why.append("\n  rule ").append(id).append(' ').append(sources.getOrDefault(id, ""));
        why.append("\n    every rule:  ").append(want.get(id));
        why.append("\n    presearcher: ").append(got.get(id));
      }
    }
    if (!want.keySet().stream().toList().equals(got.keySet().stream().toList())) {
      why.append("\n  order: ").append(want.keySet()).append(" vs ").append(got.keySet());
    }
    return why.toString();
  }

  /** By rule id in result order: the evidence of a hit, or the message of an error. */
  private static Map<String, Object> outcomes(MatchResult result) {
    var outcomes = new LinkedHashMap<String, Object>();
    result.hits().forEach(h -> outcomes.put(h.rule().id(), h.evidence()));
    result.errors().forEach((id, error) -> outcomes.put(id, "error " + error));
    return outcomes;
  }
}
