package org.iprradar.detect.match;

import java.util.Map;

/**
 * An immutable map from single characters to values, for the hottest lookup of the presearch: a Han
 * ideograph is a token of its own, so most tokens of a listing are one character, and a lookup here
 * is a multiplication and a probe or two, without hashing an array.
 */
final class CharTable<V> {

  private final char[] keys;
  private final Object[] values;
  private final int shift;

  CharTable(Map<Character, V> entries) {
    // At most half full, so a miss usually ends at the first empty slot.
    int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(entries.size() * 2));
    this.shift = 32 - bits;
    this.keys = new char[1 << bits];
    this.values = new Object[1 << bits];
    entries.forEach(
        (key, value) -> {
          int slot = slot(key);
          while (values[slot] != null) {
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

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(char key) {
    int mask = keys.length - 1;
    for (int slot = slot(key); ; slot = (slot + 1) & mask) {
      Object value = values[slot];
      if (value == null || keys[slot] == key) {
        return (V) value;
      }
    }
  }
}
