package org.iprradar.detect.quality;

import java.util.List;
import java.util.Objects;

/**
 * A product title with the brand mentions human annotators tagged in it.
 *
 * @param brands the tagged mentions as written in the title; empty when it names no brand
 */
public record TaggedTitle(String title, List<String> brands) {
  public TaggedTitle {
    Objects.requireNonNull(title, "title");
    brands = brands == null ? List.of() : List.copyOf(brands);
  }
}
