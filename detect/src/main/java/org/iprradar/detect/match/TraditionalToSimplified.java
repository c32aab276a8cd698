package org.iprradar.detect.match;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional to Simplified Chinese one ideograph at a time, from a table built once from ICU's
 * transliterator. The analyzer emits single ideographs, so a per-character table loses nothing that
 * matching could use, and an array lookup is much cheaper than running the transliterator on every
 * token.
 */
final class TraditionalToSimplified {

  private static final int FIRST = 0x3400;
  private static final int LAST = 0x9FFF;
  private static final char[] TABLE = build();

  private TraditionalToSimplified() {}

  private static char[] build() {
    var transliterator = Transliterator.getInstance("Traditional-Simplified");
    var table = new char[LAST - FIRST + 1];
    for (int c = FIRST; c <= LAST; c++) {
      String mapped = transliterator.transliterate(String.valueOf((char) c));
      table[c - FIRST] = mapped.length() == 1 ? mapped.charAt(0) : (char) c;
    }
    return table;
  }

  /** The simplified form of {@code c}, or {@code c} itself. */
  static char simplify(char c) {
    return c >= FIRST && c <= LAST ? TABLE[c - FIRST] : c;
  }
}
