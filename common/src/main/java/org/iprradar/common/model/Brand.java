package org.iprradar.common.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A protected brand as its rights holder registers it.
 *
 * @param names the brand's own names in Chinese and Latin script
 * @param aliases nicknames and evasions sellers use for it (驴牌, 香家, L家)
 * @param referencePriceMin the lowest price a genuine product usually sells for, in CNY; null if
 *     unknown
 * @param officialShops shop names that sell the genuine product; a mention there is not a lead
 */
public record Brand(
    String brandId,
    List<String> names,
    List<String> aliases,
    String owner,
    String category,
    BrandProtection protection,
    BigDecimal referencePriceMin,
    BigDecimal referencePriceMax,
    List<String> officialShops,
    int version) {

  public Brand {
    Objects.requireNonNull(brandId, "brandId");
    names = names == null ? List.of() : List.copyOf(names);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("brand " + brandId + " needs at least one name");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    officialShops = officialShops == null ? List.of() : List.copyOf(officialShops);
    protection = protection == null ? BrandProtection.REGISTERED : protection;
    version = Math.max(version, 1);
  }
}
