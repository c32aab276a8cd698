package org.iprradar.detect.match;

/**
 * A {@link Presearcher}'s index of a rule list: it selects, for each listing, the rules worth
 * verifying. Rules are numbered by their position in the list.
 */
interface CandidateIndex {

  /** Marker answer of {@link Selection#candidates()} (compare by identity): every rule. */
  int[] EVERY_RULE = new int[0];

  /** Every rule is a candidate, whatever the listing. */
  CandidateIndex ALL_RULES = () -> EveryRule.INSTANCE;

  /**
   * A selection for one thread to reuse listing after listing: it holds the scratch space of the
   * presearch, so that a listing costs no allocation beyond its answer.
   */
  Selection newSelection();

  /** The presearch of one listing, fed with its tokens while the listing is analysed. */
  interface Selection {

    /** Forgets the previous listing. */
    void reset();

    /**
     * Sees the next token of the listing. Fields come one after the other, each token in order.
     *
     * @param text the token is {@code text[0..length)}; read during the call only
     * @return the token's number, to ask {@link #needs} about it, or -1 when no rule reads it
     */
    int token(ListingField field, char[] text, int length, int positionIncrement);

    /**
     * The numbers of the rules to verify, ascending, or {@link #EVERY_RULE}. A rule that can match
     * the listing must be among them; others may be too.
     */
    int[] candidates();

    /**
     * After {@link #candidates()}: whether verifying the candidates reads the token numbered so by
     * {@link #token}. The memory index needs only those tokens, at their positions.
     */
    boolean needs(int token);

    /**
     * After {@link #candidates()}: whether some candidate may read any token (wildcards, unknown
     * query types), even one no rule names, and an empty field may matter too.
     */
    boolean needsEveryToken();
  }

  /** The selection of {@link #ALL_RULES}: stateless, so one serves every thread. */
  enum EveryRule implements Selection {
    INSTANCE;

    @Override
    public void reset() {}

    @Override
    public int token(ListingField field, char[] text, int length, int positionIncrement) {
      return -1;
    }

    @Override
    public int[] candidates() {
      return EVERY_RULE;
    }

    @Override
    public boolean needs(int token) {
      return true;
    }

    @Override
    public boolean needsEveryToken() {
      return true;
    }
  }
}
