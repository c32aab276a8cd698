package org.iprradar.detect.match;

import java.util.List;

/**
 * Chooses which rules are worth verifying against a listing, in the spirit of Lucene's monitor:
 * rules are indexed by the terms they require, and a listing's terms select the candidates. A
 * presearcher may select too many rules, never too few: matching with it finds exactly what trying
 * every rule finds.
 */
public enum Presearcher {

  /** Tries every rule on every listing: the reference that the others must equal. */
  NO_FILTERING {
    @Override
    CandidateIndex index(List<MatchRule> rules) {
      return CandidateIndex.ALL_RULES;
    }
  },

  /**
   * Indexes rules by their rarest required token or token pair, and drops a candidate whose other
   * required terms are missing from the listing.
   */
  TERM_FILTERED {
    @Override
    CandidateIndex index(List<MatchRule> rules) {
      return new TermFilteredIndex(rules);
    }
  };

  /** Builds the candidate index of a rule list; positions in the list are the rule numbers. */
  abstract CandidateIndex index(List<MatchRule> rules);
}
