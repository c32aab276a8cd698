package org.iprradar.alerts.route;

import java.util.Objects;

/** A district or county of the city by its GB/T 2260 code. */
public record Region(String code, String name) {
  public Region {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
