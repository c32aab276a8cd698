package org.iprradar.detect.match;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Undoes what sellers do to dodge keyword filters, on the tokens of the standard tokenizer:
 *
 * <ul>
 *   <li>Emoji between characters (古❤驰) are dropped without leaving a gap, so the phrase still
 *       holds.
 *   <li>A digit standing for a letter between letters is read as that letter: N1KE is nike, H3RMES
 *       is hermes. Digits at the edges stay digits (iPhone15, 3M).
 *   <li>Letters and digits are split apart (iPhone15 is iphone, 15), so a name matches its model
 *       numbers.
 *   <li>Traditional ideographs become simplified (香奈兒 is 香奈儿).
 * </ul>
 */
final class EvasionFilter extends TokenFilter {

  private static final String EMOJI = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.EMOJI];
  private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
  private static final String IDEOGRAPHIC =
      StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

  private static final Pattern IN_WORD_PUNCTUATION = Pattern.compile("[.'’:·]");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final ArrayDeque<Part> pending = new ArrayDeque<>();
  private String pendingType;

  private record Part(String text, int start, int end) {}

  EvasionFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      emit(pending.poll(), 1, pendingType);
      return true;
    }
    while (input.incrementToken()) {
      if (EMOJI.equals(type.type())) {
        continue;
      }
      // Positions only count tokens that are kept: a dropped emoji leaves no hole in a phrase.
      posInc.setPositionIncrement(Math.min(1, posInc.getPositionIncrement()));
      if (IDEOGRAPHIC.equals(type.type())) {
        simplify();
        return true;
      }
      if (ALPHANUM.equals(type.type()) && IN_WORD_PUNCTUATION.matcher(term).find()) {
        // The tokenizer keeps G.U.C.C.I or L'V together as one word: read it without the marks.
        String bare = IN_WORD_PUNCTUATION.matcher(term).replaceAll("");
        term.setEmpty().append(bare);
      }
      if (hasLetterAndDigit()) {
        split();
        Part first = pending.poll();
        pendingType = type.type();
        emit(first, posInc.getPositionIncrement(), pendingType);
      }
      return true;
    }
    return false;
  }

  private void simplify() {
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      buffer[i] = TraditionalToSimplified.simplify(buffer[i]);
    }
  }

  private boolean hasLetterAndDigit() {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  /** Reads leetspeak digits between letters as letters, then splits at letter-digit boundaries. */
  private void split() {
    char[] chars = new char[term.length()];
    term.toString().getChars(0, chars.length, chars, 0);
    for (int i = 1; i < chars.length - 1; i++) {
      if (Character.isDigit(chars[i])
          && Character.isLetter(chars[i - 1])
          && Character.isLetter(chars[i + 1])) {
        chars[i] = leet(chars[i]);
      }
    }
    int start = offset.startOffset();
    // Offsets of the parts are exact only when the token has the length of its original text.
    boolean exact = offset.endOffset() - start == chars.length;
    int from = 0;
    for (int i = 1; i <= chars.length; i++) {
      if (i == chars.length || Character.isDigit(chars[i]) != Character.isDigit(chars[i - 1])) {
        String text = new String(chars, from, i - from);
        pending.add(
            exact
                ? new Part(text, start + from, start + i)
                : new Part(text, start, offset.endOffset()));
        from = i;
      }
    }
  }

  private static char leet(char digit) {
    return switch (digit) {
      case '0' -> 'o';
      case '1' -> 'i';
      case '3' -> 'e';
      case '4' -> 'a';
      case '5' -> 's';
      case '7' -> 't';
      default -> digit;
    };
  }

  private void emit(Part part, int increment, String partType) {
    term.setEmpty().append(part.text());
    offset.setOffset(part.start(), part.end());
    posInc.setPositionIncrement(increment);
    type.setType(partType);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
  }
}
