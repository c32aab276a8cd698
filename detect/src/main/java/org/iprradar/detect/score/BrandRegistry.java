package org.iprradar.detect.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iprradar.common.model.Brand;

/** The protected brands by id, in the order they were registered. */
public final class BrandRegistry {

  private final Map<String, Brand> brands = new LinkedHashMap<>();

  public BrandRegistry(List<Brand> brands) {
    for (Brand brand : brands) {
      if (this.brands.putIfAbsent(brand.brandId(), brand) != null) {
        throw new IllegalArgumentException("brand " + brand.brandId() + " is registered twice");
      }
    }
  }

  public Optional<Brand> find(String brandId) {
    return Optional.ofNullable(brands.get(brandId));
  }

  public List<Brand> all() {
    return List.copyOf(brands.values());
  }
}
