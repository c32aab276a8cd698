package org.iprradar.common.model;

import java.util.Objects;

/**
 * The exact text that made a signal fire.
 *
 * @param field the listing field ({@code title}, {@code description}, {@code shopName}, {@code
 *     price})
 * @param start offset of the first character in the original field value
 * @param end offset one past the last character
 * @param text the original text between the offsets
 */
public record Evidence(String field, int start, int end, String text) {
  public Evidence {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("evidence offsets out of order: " + start + ".." + end);
    }
  }
}
