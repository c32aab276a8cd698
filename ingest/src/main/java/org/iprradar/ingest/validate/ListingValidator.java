package org.iprradar.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iprradar.common.model.Listing;

/**
 * Checks a listing record field by field and collects every problem, so a partner can fix a record
 * in one round trip. Strings are trimmed; nothing else is changed.
 */
public final class ListingValidator {

  private static final Pattern REGION = Pattern.compile("\\d{6}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:\\-]+");
  private static final int MAX_TITLE = 500;
  private static final int MAX_DESCRIPTION = 20_000;
  private static final int MAX_SHORT = 200;
  private static final int MAX_IMAGES = 50;

  private final Clock clock;

  public ListingValidator(Clock clock) {
    this.clock = clock;
  }

  public ValidatedListing validate(RawRecord record) {
    if (record.json() == null) {
      return new ValidatedListing(record, null, List.of(new FieldError(null, record.parseError())));
    }
    JsonNode json = record.json();
    if (!json.isObject()) {
      return new ValidatedListing(
          record,
          null,
          List.of(new FieldError(null, "a listing must be a JSON object, was " + kind(json))));
    }
    var errors = new ArrayList<FieldError>();
    var fields = new Fields(json, errors);
    String platform = fields.identifier("platform", true);
    String listingId = fields.identifier("listingId", true);
    String sellerId = fields.identifier("sellerId", true);
    String title = fields.text("title", true, MAX_TITLE);
    String description = fields.text("description", false, MAX_DESCRIPTION);
    String shopName = fields.text("shopName", false, MAX_SHORT);
    String category = fields.text("category", false, MAX_SHORT);
    String url = fields.text("url", false, 2_000);
    BigDecimal price = fields.price("price");
    String sellerRegion = fields.text("sellerRegion", false, 6);
    if (sellerRegion != null && !REGION.matcher(sellerRegion).matches()) {
      errors.add(
          new FieldError(
              "sellerRegion",
              "must be a six-digit GB/T 2260 region code, was '" + sellerRegion + "'"));
    }
    Long unitsSold = fields.nonNegativeLong("unitsSold");
    Long version = fields.nonNegativeLong("version");
    Boolean crossBorder = fields.bool("crossBorder");
    List<String> imageUrls = fields.stringList("imageUrls", MAX_IMAGES);
    Instant observedAt = fields.instant("observedAt");

    if (!errors.isEmpty()) {
      return new ValidatedListing(record, null, errors);
    }
    var listing =
        new Listing(
            platform,
            listingId,
            title,
            description,
            shopName,
            price,
            sellerId,
            sellerRegion,
            category,
            unitsSold,
            Boolean.TRUE.equals(crossBorder),
            url,
            imageUrls,
            observedAt == null ? clock.instant() : observedAt,
            version == null ? 0 : version);
    return new ValidatedListing(record, listing, List.of());
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Reads typed fields of one record, adding an error for each that is missing or malformed. */
  private record Fields(JsonNode json, List<FieldError> errors) {

    private JsonNode present(String name, boolean required) {
      JsonNode node = json.get(name);
      if (node == null || node.isNull()) {
        if (required) {
          errors.add(new FieldError(name, "is required"));
        }
        return null;
      }
      return node;
    }

    String text(String name, boolean required, int maxLength) {
      JsonNode node = present(name, required);
      if (node == null) {
        return null;
      }
      if (!node.isTextual()) {
        errors.add(new FieldError(name, "must be a string, was " + kind(node)));
        return null;
      }
      String value = node.asText().strip();
      if (required && value.isEmpty()) {
        errors.add(new FieldError(name, "must not be blank"));
        return null;
      }
      if (value.codePointCount(0, value.length()) > maxLength) {
        errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
        return null;
      }
      return value;
    }

    String identifier(String name, boolean required) {
      JsonNode node = json.get(name);
      if (node != null && node.isIntegralNumber()) {
        // Platform exports often carry numeric ids; their text form is the id.
        return node.asText();
      }
      String value = text(name, required, 128);
      if (value != null && !IDENTIFIER.matcher(value).matches()) {
        errors.add(new FieldError(name, "may contain only letters, digits, '_', '.', ':' and '-'"));
        return null;
      }
      return value;
    }

    BigDecimal price(String name) {
      JsonNode node = present(name, true);
      if (node == null) {
        return null;
      }
      if (!node.isNumber()) {
        errors.add(new FieldError(name, "must be a number (CNY), was " + kind(node)));
        return null;
      }
      BigDecimal value = node.decimalValue();
      if (value.signum() < 0) {
        errors.add(new FieldError(name, "must be 0 or more, was " + value.toPlainString()));
        return null;
      }
      return value;
    }

    Long nonNegativeLong(String name) {
      JsonNode node = present(name, false);
      if (node == null) {
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToLong()) {
        errors.add(new FieldError(name, "must be a whole number, was " + node));
        return null;
      }
      if (node.asLong() < 0) {
        errors.add(new FieldError(name, "must be 0 or more, was " + node.asLong()));
        return null;
      }
      return node.asLong();
    }

    Boolean bool(String name) {
      JsonNode node = present(name, false);
      if (node == null) {
        return null;
      }
      if (!node.isBoolean()) {
        errors.add(new FieldError(name, "must be true or false, was " + kind(node)));
        return null;
      }
      return node.asBoolean();
    }

    List<String> stringList(String name, int maxItems) {
      JsonNode node = present(name, false);
      if (node == null) {
        return List.of();
      }
      if (!node.isArray()) {
        errors.add(new FieldError(name, "must be an array of strings, was " + kind(node)));
        return List.of();
      }
      if (node.size() > maxItems) {
        errors.add(new FieldError(name, "must have at most " + maxItems + " entries"));
        return List.of();
      }
      var values = new ArrayList<String>();
      for (int i = 0; i < node.size(); i++) {
        if (!node.get(i).isTextual()) {
          errors.add(new FieldError(name + "[" + i + "]", "must be a string"));
        } else {
          values.add(node.get(i).asText().strip());
        }
      }
      return values;
    }

    Instant instant(String name) {
      String value = text(name, false, 64);
      if (value == null) {
        return null;
      }
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(
                name,
                "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, was '" + value + "'"));
        return null;
      }
    }
  }
}
