package org.iprradar.detect.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.FixedBitSet;

/**
 * The term-filtered candidate index: for each rule, one necessary set of anchors is chosen, the one
 * whose anchors are shared by the fewest other rules, so that common slang (高仿 in thousands of
 * rules) is not the key of a brand-plus-slang rule when the brand is.
 */
final class TermFilteredIndex implements Presearcher.CandidateIndex {

  private final int ruleCount;
  private final Map<String, int[]> byAnchor;
  private final int[] always;

  TermFilteredIndex(List<MatchRule> rules) {
    this.ruleCount = rules.size();
    var extracted = new ArrayList<List<Set<String>>>(rules.size());
    var popularity = new HashMap<String, Integer>();
    for (MatchRule rule : rules) {
      List<Set<String>> alternatives = QueryAnchors.of(rule.query());
      extracted.add(alternatives);
      for (Set<String> alternative : alternatives) {
        for (String anchor : alternative) {
          popularity.merge(anchor, 1, Integer::sum);
        }
      }
    }
    var postings = new HashMap<String, List<Integer>>();
    var alwaysList = new ArrayList<Integer>();
    for (int r = 0; r < rules.size(); r++) {
      List<Set<String>> alternatives = extracted.get(r);
      if (alternatives.isEmpty()) {
        alwaysList.add(r);
        continue;
      }
      Set<String> chosen = leastShared(alternatives, popularity);
      for (String anchor : chosen) {
        postings.computeIfAbsent(anchor, a -> new ArrayList<>()).add(r);
      }
    }
    this.byAnchor = new HashMap<>(postings.size() * 2);
    postings.forEach(
        (anchor, list) ->
            byAnchor.put(anchor, list.stream().mapToInt(Integer::intValue).toArray()));
    this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Set<String> leastShared(
      List<Set<String>> alternatives, Map<String, Integer> popularity) {
    Set<String> best = null;
    long bestCost = Long.MAX_VALUE;
    for (Set<String> alternative : alternatives) {
      long cost = 0;
      for (String anchor : alternative) {
        cost += popularity.getOrDefault(anchor, 0);
      }
      if (cost < bestCost) {
        best = alternative;
        bestCost = cost;
      }
    }
    return best;
  }

  @Override
  public int[] candidates(ListingTerms terms) {
    var selected = new FixedBitSet(Math.max(1, ruleCount));
    for (int r : always) {
      selected.set(r);
    }
    // Walk the smaller side: a listing has tens of terms, the index may have tens of thousands.
    for (String term : terms.all()) {
      int[] rules = byAnchor.get(term);
      if (rules != null) {
        for (int r : rules) {
          selected.set(r);
        }
      }
    }
    int[] result = new int[selected.cardinality()];
    int i = 0;
    for (int r = 0; i < result.length; r++) {
      r = selected.nextSetBit(r);
      result[i++] = r;
    }
    return result;
  }

  /** Anchors in the index, for measuring its size. */
  int anchorCount() {
    return byAnchor.size();
  }
}
