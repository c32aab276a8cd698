package org.iprradar.detect.match;

import java.util.HashSet;
import java.util.Set;

/**
 * The presearch terms of one listing: every analysed token of a field, and every pair of tokens at
 * adjacent positions. A pair of Han characters is as selective as a word, while the tokens
 * themselves stay single characters for exact phrase verification.
 */
public final class ListingTerms {

  private final Set<String> terms = new HashSet<>(128);

  void addToken(String field, String token) {
    terms.add(token(field, token));
  }

  void addPair(String field, String first, String second) {
    terms.add(pair(field, first, second));
  }

  public boolean contains(String anchor) {
    return terms.contains(anchor);
  }

  public Set<String> all() {
    return terms;
  }

  /** The key of a single token in a field. */
  static String token(String field, String token) {
    return field + '\u0000' + token;
  }

  /** The key of two tokens at adjacent positions in a field. */
  static String pair(String field, String first, String second) {
    return field + '\u0000' + first + '\u0001' + second;
  }
}
