package org.iprradar.detect.config;

import java.util.List;

/**
 * What a load produced and what it refused.
 *
 * @param errors one line per refused entry: where it is and why
 */
public record LoadReport<T>(List<T> loaded, List<String> errors) {
  public LoadReport {
    loaded = List.copyOf(loaded);
    errors = List.copyOf(errors);
  }
}
