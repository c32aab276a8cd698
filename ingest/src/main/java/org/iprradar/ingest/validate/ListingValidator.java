package org.iprradar.ingest.validate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iprradar.common.model.Listing;

/**
 * Checks a listing record field by field and collects every problem. Text is trimmed and put in
 * NFC; a price in another currency is converted to CNY when its rate is configured.
 */
public final class ListingValidator implements RecordValidator<Listing> {

  private static final int MAX_TITLE = 500;
  private static final int MAX_DESCRIPTION = 20_000;
  private static final int MAX_SHORT = 200;
  private static final int MAX_URL = 2_000;
  private static final int MAX_IMAGES = 50;

  private final Clock clock;
  private final CurrencyRates rates;

  public ListingValidator(Clock clock) {
    this(clock, CurrencyRates.none());
  }

  public ListingValidator(Clock clock, CurrencyRates rates) {
    this.clock = clock;
    this.rates = rates;
  }

  /** Six ASCII digits, as GB/T 2260 writes a region. */
  static boolean isRegionCode(String value) {
    if (value.length() != 6) {
      return false;
    }
    for (int i = 0; i < 6; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Verdict<Listing> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<Listing> notObject = RecordValidator.notAnObject(record, "listing");
    if (notObject != null) {
      return notObject;
    }
    var fields = new Fields(record.json());
    String platform = fields.identifier("platform", true);
    String listingId = fields.identifier("listingId", true);
    String sellerId = fields.identifier("sellerId", true);
    String title = fields.text("title", true, MAX_TITLE);
    String description = fields.text("description", false, MAX_DESCRIPTION);
    String shopName = fields.text("shopName", false, MAX_SHORT);
    String category = fields.text("category", false, MAX_SHORT);
    String url = fields.text("url", false, MAX_URL);
    BigDecimal price =
        fields.nonNegativeDecimal("price", true, "a number (CNY unless currency says otherwise)");
    String currency = fields.text("currency", false, 3);
    BigDecimal priceCny = price;
    boolean converted = false;
    if (currency != null) {
      currency = currency.toUpperCase(Locale.ROOT);
      if (!CurrencyRates.known(currency)) {
        fields.error("currency", "must be an ISO 4217 code such as CNY, was '" + currency + "'");
      } else if (price != null) {
        priceCny = rates.toCny(price, currency).orElse(null);
        converted = !CurrencyRates.CNY.equals(currency);
        if (priceCny == null) {
          fields.error(
              "currency",
              currency
                  + " has no configured rate to CNY (ipr.ingest.cny-rates."
                  + currency
                  + "); send the price in CNY");
        }
      }
    }
    String sellerRegion = fields.text("sellerRegion", false, 64);
    if (sellerRegion != null && !isRegionCode(sellerRegion)) {
      fields.error(
          "sellerRegion", "must be a six-digit GB/T 2260 region code, was '" + sellerRegion + "'");
    }
    Long unitsSold = fields.nonNegativeLong("unitsSold");
    Long version = fields.nonNegativeLong("version");
    Boolean crossBorder = fields.bool("crossBorder");
    List<String> imageUrls = fields.stringList("imageUrls", MAX_IMAGES, MAX_URL);
    Instant observedAt = fields.instant("observedAt", false);

    if (!fields.errors().isEmpty()) {
      return Verdict.rejected(record, fields.errors());
    }
    var listing =
        new Listing(
            platform,
            listingId,
            title,
            description,
            shopName,
            priceCny,
            sellerId,
            sellerRegion,
            category,
            unitsSold,
            Boolean.TRUE.equals(crossBorder),
            url,
            imageUrls,
            observedAt == null ? clock.instant() : observedAt,
            version == null ? 0 : version);
    return Verdict.accepted(record, listing.key(), listing, fields.normalised() || converted);
  }
}
