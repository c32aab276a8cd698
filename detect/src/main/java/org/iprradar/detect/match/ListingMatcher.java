package org.iprradar.detect.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Listing;

/**
 * Matches compiled rules against one listing at a time. Each field is analysed once: its tokens
 * give the presearch terms that select candidate rules, and fill a one-document memory index (with
 * offsets) against which each candidate is verified through Lucene's {@link Matches}, so every hit
 * comes with its evidence in the original text. One failing rule is reported by id and never fails
 * the listing. Immutable and thread-safe.
 */
public final class ListingMatcher {

  private final List<MatchRule> rules;
  private final Analyzer analyzer;
  private final Presearcher.CandidateIndex candidates;

  public ListingMatcher(List<MatchRule> rules, Analyzer analyzer) {
    this(rules, analyzer, Presearcher.TERM_FILTERED);
  }

  public ListingMatcher(List<MatchRule> rules, Analyzer analyzer, Presearcher presearcher) {
    this.rules = List.copyOf(rules);
    this.analyzer = analyzer;
    this.candidates = presearcher.index(this.rules);
  }

  public List<MatchRule> rules() {
    return rules;
  }

  /** The rules that match, in rule order, with their evidence. */
  public MatchResult match(Listing listing) {
    var terms = new ListingTerms();
    var index = index(listing, terms);
    int[] selected = candidates.candidates(terms);
    return verify(listing, index, selected == Presearcher.CandidateIndex.ALL ? null : selected);
  }

  /** Tries every rule, without the presearcher: the reference for tests and benchmarks. */
  public MatchResult matchAll(Listing listing) {
    return verify(listing, index(listing, null), null);
  }

  /** Only the analysis of the listing, the floor under any matching cost; for benchmarks. */
  public int analyseOnly(Listing listing) {
    var terms = new ListingTerms();
    index(listing, terms);
    return terms.all().size();
  }

  private MemoryIndex index(Listing listing, ListingTerms terms) {
    var index = new MemoryIndex(true, false);
    for (ListingField field : ListingField.values()) {
      String value = field.valueOf(listing);
      if (value == null || value.isEmpty()) {
        continue;
      }
      TokenStream stream = analyzer.tokenStream(field.fieldName(), value);
      if (terms != null) {
        var cached = new CachingTokenFilter(stream);
        collect(field.fieldName(), cached, terms);
        stream = cached;
      }
      index.addField(field.fieldName(), stream);
    }
    return index;
  }

  /** Reads the tokens once into the cache, noting every token and every adjacent pair. */
  private static void collect(String field, CachingTokenFilter stream, ListingTerms terms) {
    var term = stream.addAttribute(CharTermAttribute.class);
    var posInc = stream.addAttribute(PositionIncrementAttribute.class);
    try {
      stream.reset();
      var previous = new ArrayList<String>(2);
      var current = new ArrayList<String>(2);
      while (stream.incrementToken()) {
        String text = term.toString();
        if (posInc.getPositionIncrement() > 0) {
          var swap = previous;
          previous = current;
          current = swap;
          current.clear();
          if (posInc.getPositionIncrement() > 1) {
            previous.clear();
          }
        }
        current.add(text);
        terms.addToken(field, text);
        for (String before : previous) {
          terms.addPair(field, before, text);
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse " + field, e);
    }
  }

  private MatchResult verify(Listing listing, MemoryIndex index, int[] selected) {
    IndexSearcher searcher = index.createSearcher();
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    var hits = new ArrayList<RuleHit>();
    var errors = new HashMap<String, String>();
    int count = selected == null ? rules.size() : selected.length;
    for (int i = 0; i < count; i++) {
      MatchRule rule = rules.get(selected == null ? i : selected[i]);
      if (!rule.appliesTo(listing.category())) {
        continue;
      }
      try {
        Matches matches =
            searcher
                .createWeight(searcher.rewrite(rule.query()), ScoreMode.COMPLETE_NO_SCORES, 1f)
                .matches(leaf, 0);
        if (matches != null) {
          hits.add(new RuleHit(rule, evidence(listing, matches)));
        }
      } catch (IOException | RuntimeException e) {
        errors.put(rule.id(), e.toString());
      }
    }
    return new MatchResult(hits, errors);
  }

  private static List<Evidence> evidence(Listing listing, Matches matches) throws IOException {
    var evidence = new ArrayList<Evidence>();
    for (ListingField field : ListingField.values()) {
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
    var sorted = new ArrayList<>(evidence);
    // Per field by start, the longest first, so a span is only ever inside one seen before it.
    sorted.sort(
        Comparator.comparing(Evidence::field)
            .thenComparingInt(Evidence::start)
            .thenComparing(Comparator.comparingInt(Evidence::end).reversed()));
    var kept = new ArrayList<Evidence>();
    for (Evidence e : sorted) {
      boolean inside =
          kept.stream()
              .anyMatch(
                  k -> k.field().equals(e.field()) && k.start() <= e.start() && k.end() >= e.end());
      if (!inside) {
        kept.add(e);
      }
    }
    return kept;
  }
}
