package org.iprradar.ingest.validate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.BrandProtection;

/** Checks a rights holder's brand; its id comes from the URL ({@code brandId}). */
public final class BrandValidator implements RecordValidator<Brand> {

  public static final String BRAND_ID = "brandId";
  private static final int MAX_NAMES = 50;
  private static final int MAX_NAME = 100;

  @Override
  public Verdict<Brand> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<Brand> notObject = RecordValidator.notAnObject(record, "brand");
    if (notObject != null) {
      return notObject;
    }
    var fields = new Fields(record.json());
    String brandId = RecordValidator.fromPath(fields, BRAND_ID, pathParameters.get(BRAND_ID));
    List<String> names = fields.stringList("names", MAX_NAMES, MAX_NAME);
    if (names.isEmpty() && fields.errors().stream().noneMatch(e -> e.field().startsWith("names"))) {
      fields.error("names", "needs at least one name of the brand");
    }
    List<String> aliases = fields.stringList("aliases", MAX_NAMES, MAX_NAME);
    String owner = fields.text("owner", false, 200);
    String category = fields.text("category", false, 200);
    BrandProtection protection = fields.oneOf("protection", false, BrandProtection.class);
    BigDecimal min = fields.nonNegativeDecimal("referencePriceMin", false);
    BigDecimal max = fields.nonNegativeDecimal("referencePriceMax", false);
    if (min != null && max != null && min.compareTo(max) > 0) {
      fields.error(
          "referencePriceMax",
          "must not be below referencePriceMin ("
              + min.toPlainString()
              + "), was "
              + max.toPlainString());
    }
    List<String> shops = fields.stringList("officialShops", 500, 200);
    Long version = fields.nonNegativeLong("version");
    if (version != null && version > Integer.MAX_VALUE) {
      fields.error("version", "must be at most " + Integer.MAX_VALUE + ", was " + version);
    }
    if (!fields.errors().isEmpty()) {
      return Verdict.rejected(record, fields.errors());
    }
    var brand =
        new Brand(
            brandId,
            names,
            aliases,
            owner,
            category,
            protection,
            min,
            max,
            shops,
            version == null ? 1 : version.intValue());
    return Verdict.accepted(record, brandId, brand, fields.normalised());
  }
}
