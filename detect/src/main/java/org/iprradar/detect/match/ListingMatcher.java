package org.iprradar.detect.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.CloseableThreadLocal;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.metrics.RuleMeter;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Listing;

/**
 * Matches compiled rules against one listing at a time. Each field is analysed once: its tokens go
 * to the presearcher, which selects candidate rules. Only when some rule is left are the tokens
 * those rules read replayed, at their positions and offsets, into a one-document memory index
 * against which each candidate is verified through Lucene's {@link Matches}, so every hit comes
 * with its evidence in the original text. One failing rule is reported by id and never fails the
 * listing. Immutable and thread-safe: each thread reuses its own scratch space (token buffer,
 * memory index, presearch state).
 */
public final class ListingMatcher {

  private static final MatchResult NOTHING = new MatchResult(List.of(), Map.of());

  /** values() copies its array on every call, and it is called for every listing. */
  private static final ListingField[] FIELDS = ListingField.values();

  /** Per field by start, the longest first, so a span is only ever inside one seen before it. */
  private static final Comparator<Evidence> READING_ORDER =
      Comparator.comparing(Evidence::field)
          .thenComparingInt(Evidence::start)
          .thenComparing(Comparator.comparingInt(Evidence::end).reversed());

  private final List<MatchRule> rules;
  private final Analyzer analyzer;
  private final CandidateIndex candidates;
  private final PreparedQueries.Preparation[] preparations;

  /** By rule: its meters, found once per rule set rather than by rule id on every listing. */
  private final RuleMeter[] meters;

  /**
   * Rules that fail whatever the listing: tried on every listing to report it, as matchAll does.
   */
  private final int[] alwaysFailing;

  // Per thread, and released with the matcher: a plain ThreadLocal would keep a retired rule set's
  // scratch space (and through it the index) alive in every thread that used it.
  private final CloseableThreadLocal<Scratch> scratch =
      new CloseableThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
          return new Scratch(candidates.newSelection());
        }
      };

  /** What one thread reuses from listing to listing. */
  private static final class Scratch {
    final BufferedTokens tokens = new BufferedTokens();
    final MemoryIndex index = RecyclingMemoryIndex.create();
    final CandidateIndex.Selection selection;
    final IntPredicate needed;

    Scratch(CandidateIndex.Selection selection) {
      this.selection = selection;
      this.needed = selection::needs;
    }
  }

  public ListingMatcher(List<MatchRule> rules, Analyzer analyzer) {
    this(rules, analyzer, Presearcher.TERM_FILTERED);
  }

  public ListingMatcher(List<MatchRule> rules, Analyzer analyzer, Presearcher presearcher) {
    this.rules = List.copyOf(rules);
    this.analyzer = analyzer;
    this.candidates = presearcher.index(this.rules);
    this.preparations = PreparedQueries.of(this.rules);
    this.meters =
        this.rules.stream().map(r -> PipelineMetrics.ruleMeter(r.id())).toArray(RuleMeter[]::new);
    this.alwaysFailing =
        IntStream.range(0, preparations.length)
            .filter(r -> preparations[r] instanceof PreparedQueries.AlwaysFails)
            .toArray();
  }

  public List<MatchRule> rules() {
    return rules;
  }

  /** The rules that match, in rule order, with their evidence. */
  public MatchResult match(Listing listing) {
    Scratch s = scratch.get();
    s.selection.reset();
    analyse(listing, s.tokens, s.selection);
    int[] selected = withAlwaysFailing(s.selection.candidates());
    if (selected != CandidateIndex.EVERY_RULE && !anyApplies(selected, listing.category())) {
      // Nothing to verify: the memory index is not worth building.
      return NOTHING;
    }
    s.index.reset();
    for (ListingField field : FIELDS) {
      // A field none of whose tokens is read is left out: term queries cannot tell an empty field
      // from a missing one. Queries that might (wildcards, unknown types) get every field.
      if (s.tokens.has(field)
          && (s.selection.needsEveryToken() || s.tokens.anyKept(field, s.needed))) {
        s.index.addField(field.fieldName(), s.tokens.replay(field, s.needed));
      }
    }
    return verify(listing, s.index, selected);
  }

  /**
   * Tries every rule, the plain way: a fresh memory index from the analyzer, every query rewritten
   * against it. The reference that {@link #match} must equal, for tests; slow on purpose.
   */
  public MatchResult matchAll(Listing listing) {
    var index = new MemoryIndex(true, false);
    for (ListingField field : FIELDS) {
      String value = field.valueOf(listing);
      if (value != null && !value.isEmpty()) {
        index.addField(field.fieldName(), analyzer.tokenStream(field.fieldName(), value));
      }
    }
    return verify(listing, index, null);
  }

  /**
   * Only the analysis of the listing, the floor under any matching cost: the analyzer's pass over
   * every field, as {@link #match} makes it; for benchmarks.
   *
   * @return the number of tokens
   */
  public int analyseOnly(Listing listing) {
    Scratch s = scratch.get();
    analyse(listing, s.tokens, null);
    return s.tokens.size();
  }

  /** Analyses every field once into the token buffer, showing each token to the presearch. */
  private void analyse(Listing listing, BufferedTokens tokens, CandidateIndex.Selection selection) {
    tokens.clear();
    for (ListingField field : FIELDS) {
      String value = field.valueOf(listing);
      if (value == null || value.isEmpty()) {
        continue;
      }
      tokens.startField(field);
      try (TokenStream stream = analyzer.tokenStream(field.fieldName(), value)) {
        var term = stream.addAttribute(CharTermAttribute.class);
        var increment = stream.addAttribute(PositionIncrementAttribute.class);
        var offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          int number =
              selection == null
                  ? -1
                  : selection.token(
                      field, term.buffer(), term.length(), increment.getPositionIncrement());
          tokens.add(
              term.buffer(),
              term.length(),
              number,
              increment.getPositionIncrement(),
              offset.startOffset(),
              offset.endOffset());
        }
        stream.end();
        tokens.endField(
            field, increment.getPositionIncrement(), offset.startOffset(), offset.endOffset());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot analyse " + field.fieldName(), e);
      }
    }
  }

  private int[] withAlwaysFailing(int[] selected) {
    if (alwaysFailing.length == 0 || selected == CandidateIndex.EVERY_RULE) {
      return selected;
    }
    return IntStream.concat(Arrays.stream(selected), Arrays.stream(alwaysFailing))
        .distinct()
        .sorted()
        .toArray();
  }

  private boolean anyApplies(int[] selected, String category) {
    for (int r : selected) {
      if (rules.get(r).appliesTo(category)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Verifies the selected rules, or every rule when {@code selected} is {@link
   * CandidateIndex#EVERY_RULE}; with prepared queries, unless {@code selected} is null: then every
   * rule, each query rewritten against this listing's index.
   */
  private MatchResult verify(Listing listing, MemoryIndex index, int[] selected) {
    IndexSearcher searcher = index.createSearcher();
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    boolean prepared = selected != null;
    boolean every = selected == null || selected == CandidateIndex.EVERY_RULE;
    List<RuleHit> hits = null;
    Map<String, String> errors = null;
    int count = every ? rules.size() : selected.length;
    for (int i = 0; i < count; i++) {
      int r = every ? i : selected[i];
      MatchRule rule = rules.get(r);
      if (!rule.appliesTo(listing.category())) {
        continue;
      }
      long started = System.nanoTime();
      try {
        Query query =
            prepared && preparations[r] instanceof PreparedQueries.Prepared p
                ? p.query()
                : searcher.rewrite(rule.query());
        Matches matches =
            searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f).matches(leaf, 0);
        // Evidence extraction is left out: it is the cost of a hit, not of the rule's query.
        meters[r].evaluated(System.nanoTime() - started, matches != null);
        if (matches != null) {
          hits = hits == null ? new ArrayList<>() : hits;
          hits.add(new RuleHit(rule, evidence(listing, matches)));
        }
      } catch (IOException | RuntimeException e) {
        errors = errors == null ? new HashMap<>() : errors;
        errors.put(rule.id(), e.toString());
      }
    }
    // Most listings verified hit nothing or one rule: spare them the empty collections.
    return hits == null && errors == null
        ? NOTHING
        : new MatchResult(hits == null ? List.of() : hits, errors == null ? Map.of() : errors);
  }

  private static List<Evidence> evidence(Listing listing, Matches matches) throws IOException {
    var evidence = new ArrayList<Evidence>();
    for (ListingField field : FIELDS) {
      MatchesIterator it = matches.getMatches(field.fieldName());
      if (it == null) {
        continue;
      }
      String text = field.valueOf(listing);
      while (it.next()) {
        int start = it.startOffset();
        int end = it.endOffset();
        if (start >= 0 && end <= text.length() && start <= end) {
          evidence.add(new Evidence(field.fieldName(), start, end, text.substring(start, end)));
        }
      }
    }
    return outermost(evidence);
  }

  /**
   * Drops evidence inside other evidence of the same field and repeats: 贵州茅台 already shows 茅台, and
   * an analyst should see each piece of text once.
   */
  private static List<Evidence> outermost(List<Evidence> evidence) {
    if (evidence.size() < 2) {
      return evidence;
    }
    var sorted = new ArrayList<>(evidence);
    sorted.sort(READING_ORDER);
    var kept = new ArrayList<Evidence>();
    for (Evidence e : sorted) {
      if (!insideAny(kept, e)) {
        kept.add(e);
      }
    }
    return kept;
  }

  private static boolean insideAny(List<Evidence> kept, Evidence e) {
    for (Evidence k : kept) {
      if (k.field().equals(e.field()) && k.start() <= e.start() && k.end() >= e.end()) {
        return true;
      }
    }
    return false;
  }
}
