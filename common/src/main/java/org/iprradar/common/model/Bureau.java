package org.iprradar.common.model;

import java.util.Objects;

/**
 * A government bureau that acts on leads, as the bureau directory names it.
 *
 * @param id stable code used by routing and filters, such as {@code MARKET_SUPERVISION}
 * @param name the name the bureau writes itself, in Chinese
 * @param nameEn the English name
 */
public record Bureau(String id, String name, String nameEn) {
  public Bureau {
    Objects.requireNonNull(id, "id");
    name = name == null ? id : name;
    nameEn = nameEn == null ? id : nameEn;
  }
}
