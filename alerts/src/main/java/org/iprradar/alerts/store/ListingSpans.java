package org.iprradar.alerts.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the assessments of an alert's {@code listings} array lie in the alert's JSON: what {@link
 * AlertCodec} needs to copy the JSON of an unchanged assessment into the alert's next version
 * instead of writing it again.
 *
 * @param open the index of the array's {@code [}
 * @param close the index of the array's {@code ]}
 * @param starts the index of each element's first byte ({@code {})
 * @param ends the index after each element's last byte ({@code }})
 */
record ListingSpans(int open, int close, int[] starts, int[] ends) {

  private static final byte[] KEY = "\"listings\"".getBytes(StandardCharsets.UTF_8);

  int count() {
    return starts.length;
  }

  /**
   * The spans of the top-level {@code listings} array of this alert JSON, or null when it has none
   * or an element is not an object: the caller then writes the alert in full. A structural scan,
   * not a parse: it follows nesting and skips strings, which is all it takes to find the array (a
   * key inside a nested object is at another depth, and a {@code "} inside a string is escaped).
   */
  static ListingSpans of(byte[] json) {
    int depth = 0;
    int i = 0;
    while (i < json.length) {
      byte b = json[i];
      if (b == '"') {
        int end = afterString(json, i);
        if (end < 0) {
          return null;
        }
        if (depth == 1 && isKey(json, i, end)) {
          int colon = skipSpace(json, end);
          if (colon >= json.length || json[colon] != ':') {
            return null;
          }
          int open = skipSpace(json, colon + 1);
          return open < json.length && json[open] == '[' ? elements(json, open) : null;
        }
        i = end;
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
      i++;
    }
    return null;
  }

  private static ListingSpans elements(byte[] json, int open) {
    var starts = new int[64];
    var ends = new int[64];
    int count = 0;
    int i = skipSpace(json, open + 1);
    if (i < json.length && json[i] == ']') {
      return new ListingSpans(open, i, new int[0], new int[0]);
    }
    while (i < json.length && json[i] == '{') {
      int end = afterObject(json, i);
      if (end < 0) {
        return null;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = i;
      ends[count] = end;
      count++;
      i = skipSpace(json, end);
      if (i < json.length && json[i] == ']') {
        return new ListingSpans(open, i, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
      }
      if (i >= json.length || json[i] != ',') {
        return null;
      }
      i = skipSpace(json, i + 1);
    }
    return null;
  }

  /** The index after the object starting at {@code start}, or -1 when it does not end. */
  private static int afterObject(byte[] json, int start) {
    int depth = 0;
    int i = start;
    while (i < json.length) {
      byte b = json[i];
      if (b == '"') {
        i = afterString(json, i);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (b == '{' || b == '[') {
        depth++;
      } else if ((b == '}' || b == ']') && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  /**
   * The index after the string whose opening quote is at {@code quote}, or -1. UTF-8 continuation
   * bytes are never {@code "} or {@code \}, so bytes can be scanned without decoding.
   */
  private static int afterString(byte[] json, int quote) {
    int i = quote + 1;
    while (i < json.length) {
      byte b = json[i];
      if (b == '\\') {
        i += 2;
      } else if (b == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static boolean isKey(byte[] json, int start, int end) {
    return end - start == KEY.length && Arrays.equals(json, start, end, KEY, 0, KEY.length);
  }

  private static int skipSpace(byte[] json, int i) {
    while (i < json.length
        && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
      i++;
    }
    return i;
  }
}
