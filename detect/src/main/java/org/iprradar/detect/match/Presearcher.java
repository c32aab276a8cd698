package org.iprradar.detect.match;

import java.util.List;

/**
 * Chooses which rules are worth verifying against a listing, in the spirit of Lucene's monitor:
 * rules are indexed by the terms they require, and a listing's terms select the candidates. A
 * presearcher may select too many rules, never too few: matching with it finds exactly what trying
 * every rule finds.
 */
public interface Presearcher {

  /** Tries every rule on every listing: the reference that the others must equal. */
  Presearcher NO_FILTERING = rules -> terms -> CandidateIndex.ALL;

  /** Indexes rules by their rarest required token or token pair. */
  Presearcher TERM_FILTERED = TermFilteredIndex::new;

  /** Builds the candidate index of a rule list; positions in the list are the rule numbers. */
  CandidateIndex index(List<MatchRule> rules);

  /** Selects candidate rules for a listing. */
  interface CandidateIndex {

    /** Marker answer: every rule is a candidate. */
    int[] ALL = new int[0];

    /**
     * The numbers of the candidate rules in ascending order, or {@link #ALL} (compare by identity)
     * when every rule is.
     */
    int[] candidates(ListingTerms terms);
  }
}
