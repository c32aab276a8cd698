package org.iprradar.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the typed fields of one JSON record, adding a {@link FieldError} for each that is missing
 * or malformed, so that a partner learns every problem of a record in one round trip. Text is
 * trimmed and put in Unicode NFC (a composed é and a decomposed e + ◌́ must match the same rule);
 * {@link #normalised()} tells whether that changed anything, so the caller can keep the original.
 */
public final class Fields {

  static final int MAX_IDENTIFIER = 128;

  private final JsonNode json;
  private final List<FieldError> errors = new ArrayList<>();
  private boolean normalised;

  public Fields(JsonNode json) {
    this.json = json;
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** True when trimming or NFC changed a value. */
  public boolean normalised() {
    return normalised;
  }

  public void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private JsonNode present(String name, boolean required) {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    return node;
  }

  /** Trimmed NFC text; null when absent or invalid. */
  public String text(String name, boolean required, int maxLength) {
    JsonNode node = present(name, required);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      error(name, "must be a string, was " + kind(node));
      return null;
    }
    return checkText(name, node.asText(), required, maxLength);
  }

  private String checkText(String name, String raw, boolean required, int maxLength) {
    String stripped = raw.strip();
    // Checking first is cheaper than normalising: almost every partner's text is NFC already.
    String value =
        isPlainlyNfc(stripped) || Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
            ? stripped
            : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    if (!value.equals(raw)) {
      normalised = true;
    }
    if (required && value.isEmpty()) {
      error(name, "must not be blank");
      return null;
    }
    if (value.codePointCount(0, value.length()) > maxLength) {
      error(
          name,
          "must be at most "
              + maxLength
              + " characters, was "
              + value.codePointCount(0, value.length()));
      return null;
    }
    if (value.indexOf('\uFFFD') >= 0) {
      // Jackson decodes broken UTF-8 inside a string as U+FFFD; the partner's bytes were invalid.
      error(name, "contains invalid UTF-8 (replacement character U+FFFD)");
      return null;
    }
    return value;
  }

  /**
   * True when every character is below U+0300 or a CJK unified ideograph (U+4E00 to U+9FFF): such
   * text is NFC whatever the order, since none of them decomposes, combines or is a combining mark.
   * Most titles and ids are; the JDK's check builds a buffer per call, which showed in ingest's
   * profile.
   */
  static boolean isPlainlyNfc(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x300 && (c < 0x4e00 || c > 0x9fff)) {
        return false;
      }
    }
    return true;
  }

  /** A key part such as a platform or an id: numbers are taken as their text. */
  public String identifier(String name, boolean required) {
    JsonNode node = json.get(name);
    if (node != null && node.isIntegralNumber()) {
      // Platform exports often carry numeric ids; their text form is the id.
      return node.asText();
    }
    String value = text(name, required, MAX_IDENTIFIER);
    return checkIdentifier(name, value);
  }

  /** Checks an identifier taken from the URL path, such as a brand id. */
  public String pathIdentifier(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      error(name, "is required");
      return null;
    }
    return checkIdentifier(name, checkText(name, raw, true, MAX_IDENTIFIER));
  }

  private String checkIdentifier(String name, String value) {
    if (value != null && !isIdentifier(value)) {
      error(name, "may contain only letters, digits, '_', '.', ':' and '-', was '" + value + "'");
      return null;
    }
    return value;
  }

  /**
   * Letters, digits, '_', '.', ':' and '-', at least one: checked by hand because a regular
   * expression's matcher per field showed in ingest's profile.
   */
  static boolean isIdentifier(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == ':'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** An amount of money or a measure; never negative. */
  /** No price or amount a partner sends is a trillion CNY or more: larger is a mistake. */
  private static final BigDecimal MAX_DECIMAL = new BigDecimal("999999999999");

  public BigDecimal nonNegativeDecimal(String name, boolean required) {
    return nonNegativeDecimal(name, required, "a number");
  }

  /**
   * @param what how the expected value is described, such as "a number (CNY)"
   */
  public BigDecimal nonNegativeDecimal(String name, boolean required, String what) {
    JsonNode node = present(name, required);
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      error(name, "must be " + what + ", was " + kind(node));
      return null;
    }
    // A number beyond a double's range (1e400) is read as infinity, which has no decimal value.
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      error(name, "must be " + what + ", was a number too large to represent");
      return null;
    }
    BigDecimal value = node.decimalValue();
    if (value.compareTo(MAX_DECIMAL) > 0) {
      error(name, "must be at most " + MAX_DECIMAL.toPlainString() + ", was " + value);
      return null;
    }
    if (value.signum() < 0) {
      error(name, "must be 0 or more, was " + value.toPlainString());
      return null;
    }
    return value;
  }

  public Double number(String name, boolean required, double min, double max) {
    JsonNode node = present(name, required);
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      error(name, "must be a number, was " + kind(node));
      return null;
    }
    double value = node.asDouble();
    if (value < min || value > max) {
      error(name, "must be within " + min + ".." + max + ", was " + node.asText());
      return null;
    }
    return value;
  }

  public Long nonNegativeLong(String name) {
    JsonNode node = present(name, false);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      error(name, "must be a whole number, was " + node);
      return null;
    }
    if (node.asLong() < 0) {
      error(name, "must be 0 or more, was " + node.asLong());
      return null;
    }
    return node.asLong();
  }

  public Boolean bool(String name) {
    JsonNode node = present(name, false);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      error(name, "must be true or false, was " + kind(node));
      return null;
    }
    return node.asBoolean();
  }

  public List<String> stringList(String name, int maxItems, int maxLength) {
    JsonNode node = present(name, false);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      error(name, "must be an array of strings, was " + kind(node));
      return List.of();
    }
    if (node.size() > maxItems) {
      error(name, "must have at most " + maxItems + " entries, had " + node.size());
      return List.of();
    }
    var values = new ArrayList<String>();
    for (int i = 0; i < node.size(); i++) {
      String field = name + "[" + i + "]";
      if (!node.get(i).isTextual()) {
        error(field, "must be a string, was " + kind(node.get(i)));
      } else {
        String value = checkText(field, node.get(i).asText(), true, maxLength);
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /** A JSON array of objects, for nested records such as a seller's penalties. */
  public List<JsonNode> objectList(String name, int maxItems) {
    JsonNode node = present(name, false);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      error(name, "must be an array of objects, was " + kind(node));
      return List.of();
    }
    if (node.size() > maxItems) {
      error(name, "must have at most " + maxItems + " entries, had " + node.size());
      return List.of();
    }
    var values = new ArrayList<JsonNode>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isObject()) {
        error(name + "[" + i + "]", "must be an object, was " + kind(node.get(i)));
      } else {
        values.add(node.get(i));
      }
    }
    return values;
  }

  public Instant instant(String name, boolean required) {
    String value = text(name, required, 64);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      error(name, "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, was '" + value + "'");
      return null;
    }
  }

  public LocalDate date(String name, boolean required) {
    String value = text(name, required, 32);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      error(name, "must be an ISO-8601 date such as 2026-11-29, was '" + value + "'");
      return null;
    }
  }

  /** One constant of an enum, written as its name in any case. */
  public <E extends Enum<E>> E oneOf(String name, boolean required, Class<E> type) {
    String value = text(name, required, 64);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    var names = new ArrayList<String>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    error(name, "must be one of " + names + ", was '" + value + "'");
    return null;
  }
}
