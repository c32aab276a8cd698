package org.iprradar.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Ways to spoil a body: each takes a seed and returns bytes, the same for the same random. */
final class Mutator {

  /** Byte sequences that are not UTF-8: a lone continuation, an overlong form, a surrogate. */
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF},
    {(byte) 0x80},
    {(byte) 0xC3, (byte) 0x28},
    {(byte) 0xC0, (byte) 0xAF},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
  };

  private static final String[] WRONG_VALUES = {
    "null",
    "true",
    "-1",
    "1e400",
    "-0.0",
    "99999999999999999999999999",
    "\"\"",
    "[]",
    "{}",
    "[1,[2,[3]]]",
    "{\"a\":{\"b\":null}}",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"NaN\"",
    "NaN"
  };

  private final Random random;

  Mutator(Random random) {
    this.random = random;
  }

  /** Any of the mutations below, or entirely random bytes. */
  byte[] any(byte[] seed) {
    return switch (random.nextInt(10)) {
      case 0 -> flipBytes(seed);
      case 1 -> truncate(seed);
      case 2 -> insertInvalidUtf8(seed);
      case 3 -> hugeString(seed);
      case 4 -> deepNesting();
      case 5 -> wrongValue(seed);
      case 6 -> insertRandom(seed);
      case 7 -> dropField(seed);
      case 8 -> randomBytes();
      default -> wrongValue(wrongValue(seed));
    };
  }

  byte[] flipBytes(byte[] seed) {
    byte[] out = seed.clone();
    for (int i = 0, n = 1 + random.nextInt(5); i < n && out.length > 0; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  /** Cut strictly inside the body: a JSON value that was complete no longer is. */
  byte[] truncate(byte[] seed) {
    return Arrays.copyOf(seed, seed.length <= 1 ? 0 : random.nextInt(seed.length - 1) + 1);
  }

  byte[] insertInvalidUtf8(byte[] seed) {
    byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
    // Inside a string value when there is one: after an opening quote.
    int at = indexAfterQuote(seed);
    return splice(seed, at, bad, 0);
  }

  /** A string of a million or more characters in place of the first string value. */
  byte[] hugeString(byte[] seed) {
    int length = 1_000_000 + random.nextInt(1_000_000);
    var huge = new StringBuilder(length);
    String alphabet = random.nextBoolean() ? "ab" : "高仿古驰";
    while (huge.length() < length) {
      huge.append(alphabet);
    }
    int at = indexAfterQuote(seed);
    return splice(seed, at, huge.toString().getBytes(StandardCharsets.UTF_8), 0);
  }

  /** Arrays or objects nested far deeper than any parser should follow. */
  byte[] deepNesting() {
    int depth = 2_000 + random.nextInt(100_000);
    boolean arrays = random.nextBoolean();
    var out = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      out.append(arrays ? "[" : "{\"a\":");
    }
    out.append('1');
    for (int i = 0; i < depth; i++) {
      out.append(arrays ? ']' : '}');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The value after a random {@code "name":} replaced by a value of another type. */
  byte[] wrongValue(byte[] seed) {
    String text = new String(seed, StandardCharsets.UTF_8);
    int colon = nthIndexOf(text, "\":", random.nextInt(8) + 1);
    if (colon < 0) {
      return seed;
    }
    int start = colon + 2;
    int end = valueEnd(text, start);
    String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
    return (text.substring(0, start) + value + text.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  byte[] insertRandom(byte[] seed) {
    byte[] noise = new byte[1 + random.nextInt(16)];
    random.nextBytes(noise);
    return splice(seed, seed.length == 0 ? 0 : random.nextInt(seed.length), noise, 0);
  }

  /** A {@code "name":value} pair removed: often a required field. */
  byte[] dropField(byte[] seed) {
    String text = new String(seed, StandardCharsets.UTF_8);
    int colon = nthIndexOf(text, "\":", random.nextInt(6) + 1);
    if (colon < 0) {
      return seed;
    }
    int nameStart = text.lastIndexOf('"', colon - 1);
    int end = valueEnd(text, colon + 2);
    if (end < text.length() && text.charAt(end) == ',') {
      end++;
    }
    return (text.substring(0, Math.max(0, nameStart)) + text.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  byte[] randomBytes() {
    byte[] out = new byte[random.nextInt(512)];
    random.nextBytes(out);
    return out;
  }

  private int indexAfterQuote(byte[] seed) {
    int quotes = 0;
    for (byte b : seed) {
      if (b == '"') {
        quotes++;
      }
    }
    if (quotes == 0) {
      return seed.length / 2;
    }
    int wanted = random.nextInt(quotes);
    for (int i = 0; i < seed.length; i++) {
      if (seed[i] == '"' && wanted-- == 0) {
        return i + 1;
      }
    }
    return seed.length;
  }

  private static byte[] splice(byte[] seed, int at, byte[] insert, int removed) {
    var out = new ByteArrayOutputStream(seed.length + insert.length);
    out.write(seed, 0, at);
    out.write(insert, 0, insert.length);
    out.write(seed, at + removed, seed.length - at - removed);
    return out.toByteArray();
  }

  private static int nthIndexOf(String text, String needle, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** Where the JSON value starting at {@code start} ends, roughly: at a top-level , } or ]. */
  private static int valueEnd(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }
}
