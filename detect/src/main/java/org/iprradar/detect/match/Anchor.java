package org.iprradar.detect.match;

import java.util.Objects;

/**
 * A term a listing must contain for a rule to match it: one token of a field, or two tokens at
 * adjacent positions of a field ({@code second} is null for a single token). A pair of Han
 * characters is as selective as a word, while the tokens themselves stay single characters for
 * exact phrase verification.
 */
record Anchor(String field, String first, String second) {

  Anchor {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(first, "first");
  }

  static Anchor token(String field, String token) {
    return new Anchor(field, token, null);
  }

  static Anchor pair(String field, String first, String second) {
    return new Anchor(field, first, Objects.requireNonNull(second, "second"));
  }

  boolean isPair() {
    return second != null;
  }
}
