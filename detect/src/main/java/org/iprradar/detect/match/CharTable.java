package org.iprradar.detect.match;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable map from single characters to non-negative numbers, for the hottest lookup of the
 * presearch: a Han ideograph is a token of its own, so most tokens of a listing are one character,
 * and a lookup here is a multiplication and a probe or two in two flat arrays.
 */
final class CharTable {

  /** The answer for a character that is not in the table. */
  static final int ABSENT = -1;

  private final char[] keys;
  private final int[] values;
  private final int shift;

  CharTable(Map<Character, Integer> entries) {
    // At most half full, so a miss usually ends at the first empty slot.
    int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(entries.size() * 2));
    this.shift = 32 - bits;
    this.keys = new char[1 << bits];
    this.values = new int[1 << bits];
    Arrays.fill(values, ABSENT);
    entries.forEach(
        (key, value) -> {
          if (value < 0) {
            throw new IllegalArgumentException("negative value for " + key);
          }
          int slot = slot(key);
          while (values[slot] != ABSENT) {
            slot = (slot + 1) & (keys.length - 1);
          }
          keys[slot] = key;
          values[slot] = value;
        });
  }

  private int slot(char key) {
    // Fibonacci hashing: code points of one script are close together, the multiplication spreads
    // them over the whole table.
    return (key * 0x9E3779B9) >>> shift;
  }

  /** The number of {@code key}, or {@link #ABSENT}. */
  int get(char key) {
    int mask = keys.length - 1;
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      int value = values[slot];
      if (value == ABSENT || keys[slot] == key) {
        return value;
      }
    }
  }
}
