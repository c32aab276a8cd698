package org.iprradar.detect.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Listing;

/**
 * Runs compiled rules against one listing at a time. The listing becomes a one-document memory
 * index with offsets, each applicable rule is asked for its {@link Matches}, and every match is
 * turned into evidence in the original text. One failing rule is reported by id and never fails the
 * listing. Thread-safe.
 */
public final class ListingMatcher {

  private final List<MatchRule> rules;
  private final Analyzer analyzer;

  public ListingMatcher(List<MatchRule> rules, Analyzer analyzer) {
    this.rules = List.copyOf(rules);
    this.analyzer = analyzer;
  }

  public List<MatchRule> rules() {
    return rules;
  }

  public MatchResult match(Listing listing) {
    var index = new MemoryIndex(true, false);
    for (ListingField field : ListingField.values()) {
      String value = field.valueOf(listing);
      if (value != null && !value.isEmpty()) {
        index.addField(field.fieldName(), value, analyzer);
      }
    }
    IndexSearcher searcher = index.createSearcher();
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    var hits = new ArrayList<RuleHit>();
    var errors = new HashMap<String, String>();
    for (MatchRule rule : rules) {
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
   * Drops evidence inside other evidence of the same field: 贵州茅台 already shows 茅台, and an analyst
   * should see each piece of text once.
   */
  private static List<Evidence> outermost(List<Evidence> evidence) {
    var kept = new ArrayList<Evidence>();
    for (Evidence e : evidence) {
      boolean inside =
          evidence.stream()
              .anyMatch(
                  other ->
                      other != e
                          && other.field().equals(e.field())
                          && other.start() <= e.start()
                          && other.end() >= e.end()
                          && (other.end() - other.start() > e.end() - e.start()
                              || evidence.indexOf(other) < evidence.indexOf(e)));
      if (!inside) {
        kept.add(e);
      }
    }
    kept.sort(java.util.Comparator.comparing(Evidence::field).thenComparingInt(Evidence::start));
    return kept;
  }
}
