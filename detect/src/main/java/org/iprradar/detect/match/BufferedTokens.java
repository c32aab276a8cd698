package org.iprradar.detect.match;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysed tokens of one listing's fields, kept so that the memory index is filled only when
 * some rule must be verified, and then without analysing again. Replays a field as the token stream
 * the analyzer gave (terms, position increments, offsets, the final state of {@link #end()}), or
 * only the tokens some rules read, each still at its position: the increments of the tokens left
 * out are added to the next one kept. Reused listing after listing by one thread.
 */
final class BufferedTokens extends TokenStream {

  private static final int FIELDS = ListingField.values().length;

  private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute incrementAttribute =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);

  private char[] chars = new char[512];
  private int charsSize;

  /** Per token: where its text starts in {@link #chars}; it ends where the next one starts. */
  private int[] textStart = new int[129];

  /** Per token: the number the presearch gave it, which {@link #replay} filters on. */
  private int[] numbers = new int[128];

  private int[] increments = new int[128];
  private int[] starts = new int[128];
  private int[] ends = new int[128];
  private int size;

  private final boolean[] present = new boolean[FIELDS];
  private final int[] fieldFirst = new int[FIELDS];
  private final int[] fieldEnd = new int[FIELDS];
  private final int[] finalIncrement = new int[FIELDS];
  private final int[] finalStart = new int[FIELDS];
  private final int[] finalEnd = new int[FIELDS];

  private int replayField;
  private IntPredicate keep = number -> true;
  private int cursor;
  private int skippedAtEnd;

  /** Forgets the previous listing. */
  void clear() {
    size = 0;
    charsSize = 0;
    Arrays.fill(present, false);
  }

  void startField(ListingField field) {
    present[field.ordinal()] = true;
    fieldFirst[field.ordinal()] = size;
    fieldEnd[field.ordinal()] = size;
  }

  void add(char[] text, int length, int number, int increment, int start, int end) {
    if (size + 1 == increments.length) {
      int capacity = increments.length * 2;
      numbers = Arrays.copyOf(numbers, capacity);
      increments = Arrays.copyOf(increments, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      textStart = Arrays.copyOf(textStart, capacity + 1);
    }
    if (charsSize + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsSize + length));
    }
    System.arraycopy(text, 0, chars, charsSize, length);
    textStart[size] = charsSize;
    charsSize += length;
    textStart[size + 1] = charsSize;
    numbers[size] = number;
    increments[size] = increment;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /** Ends the field with the state the analyzer left after its end(). */
  void endField(ListingField field, int increment, int start, int end) {
    fieldEnd[field.ordinal()] = size;
    finalIncrement[field.ordinal()] = increment;
    finalStart[field.ordinal()] = start;
    finalEnd[field.ordinal()] = end;
  }

  /** Whether the listing has a value for the field, even one without tokens. */
  boolean has(ListingField field) {
    return present[field.ordinal()];
  }

  /** Whether {@code keep} accepts the number of some token of the field. */
  boolean anyKept(ListingField field, IntPredicate keep) {
    for (int token = fieldFirst[field.ordinal()]; token < fieldEnd[field.ordinal()]; token++) {
      if (keep.test(numbers[token])) {
        return true;
      }
    }
    return false;
  }

  /** Tokens of all fields. */
  int size() {
    return size;
  }

  /**
   * This stream, set to replay the field's tokens from its next reset(), those whose number {@code
   * keep} accepts.
   */
  TokenStream replay(ListingField field, IntPredicate keep) {
    this.replayField = field.ordinal();
    this.keep = keep;
    return this;
  }

  @Override
  public void reset() {
    cursor = fieldFirst[replayField];
    skippedAtEnd = 0;
  }

  @Override
  public boolean incrementToken() {
    int increment = 0;
    while (cursor < fieldEnd[replayField]) {
      int token = cursor++;
      increment += increments[token];
      if (keep.test(numbers[token])) {
        clearAttributes();
        termAttribute.copyBuffer(chars, textStart[token], textStart[token + 1] - textStart[token]);
        incrementAttribute.setPositionIncrement(increment);
        offsetAttribute.setOffset(starts[token], ends[token]);
        return true;
      }
    }
    skippedAtEnd = increment;
    return false;
  }

  @Override
  public void end() {
    endAttributes();
    incrementAttribute.setPositionIncrement(finalIncrement[replayField] + skippedAtEnd);
    offsetAttribute.setOffset(finalStart[replayField], finalEnd[replayField]);
  }
}
