package org.iprradar.detect.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import org.iprradar.common.model.Brand;

/** Loads the protected-brand registry from YAML; a brand that fails is reported and skipped. */
public final class BrandLoader {

  private BrandLoader() {}

  public static LoadReport<Brand> load(String location) throws IOException {
    var loaded = new ArrayList<Brand>();
    var errors = new ArrayList<String>();
    var seen = new HashSet<String>();
    for (var entry : YamlEntries.read(location, "brands", Brand.class)) {
      if (entry.error() != null) {
        errors.add(entry.origin() + ": " + entry.error());
      } else if (!seen.add(entry.value().brandId())) {
        errors.add(entry.origin() + ": brand " + entry.value().brandId() + " is defined twice");
      } else {
        loaded.add(entry.value());
      }
    }
    return new LoadReport<>(loaded, errors);
  }
}
