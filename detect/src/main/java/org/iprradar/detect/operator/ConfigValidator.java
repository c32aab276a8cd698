package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.BrandProtection;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.match.RuleSyntaxException;
import org.iprradar.detect.rules.RuleBook;

/**
 * Checks a rule or brand as an operator wrote it (JSON or YAML read as a tree) and builds the
 * record, collecting every problem rather than stopping at the first: unknown fields (a typo would
 * otherwise silently do nothing), missing fields, a weight outside 0-100, a query that does not
 * parse (with its column) or has no searchable term. The version is the system's to set and is
 * ignored.
 */
public final class ConfigValidator {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Set<String> RULE_FIELDS = fieldsOf(Rule.class);
  private static final Set<String> BRAND_FIELDS = fieldsOf(Brand.class);

  private final RuleBook book;

  public ConfigValidator(RuleBook book) {
    this.book = book;
  }

  /**
   * @param pathId the id the request addressed, which the body must repeat if it names one; null
   *     when the id comes from the body alone
   * @throws InvalidConfigException with every problem found
   */
  public Rule rule(JsonNode node, String pathId, int version) {
    var problems = new ArrayList<Problem>();
    String id = id(node, "id", pathId, problems);
    if (node == null || !node.isObject()) {
      throw new InvalidConfigException(List.of(Problem.of(id, "", "a rule must be an object")));
    }
    unknown(node, RULE_FIELDS, id, problems);
    String query = text(node, "query", true, id, problems);
    InfringementType type =
        enumValue(node, "infringementType", InfringementType.class, id, problems);
    double weight = 0;
    JsonNode w = node.get("weight");
    if (w == null || w.isNull()) {
      problems.add(Problem.of(id, "weight", "is required: the points a hit adds, 0-100"));
    } else if (!w.isNumber()) {
      problems.add(Problem.of(id, "weight", "must be a number 0-100, was " + w));
    } else {
      weight = w.asDouble();
      if (!(weight >= 0 && weight <= 100)) {
        problems.add(Problem.of(id, "weight", "must be within 0..100, was " + w.asText()));
      }
    }
    boolean enabled = true;
    JsonNode e = node.get("enabled");
    if (e != null && !e.isNull()) {
      if (e.isBoolean()) {
        enabled = e.asBoolean();
      } else {
        problems.add(Problem.of(id, "enabled", "must be true or false, was " + e));
      }
    }
    String category = text(node, "category", false, id, problems);
    String bureauHint = text(node, "bureauHint", false, id, problems);
    String description = text(node, "description", false, id, problems);
    if (query != null) {
      // The query is compiled even when other fields are wrong, so that one answer lists all.
      var probe =
          new Rule(
              id == null ? "draft" : id,
              1,
              query,
              type == null ? InfringementType.COUNTERFEIT_TRADEMARK : type,
              category,
              0,
              null,
              true,
              null);
      try {
        book.compile(probe);
      } catch (RuleSyntaxException ex) {
        String message = ex.getMessage().substring(("rule " + probe.id() + ": ").length());
        problems.add(
            new Problem(
                id, "query", message, ex.column() > 0 ? Integer.valueOf(ex.column()) : null));
      }
    }
    if (!problems.isEmpty() || id == null) {
      throw new InvalidConfigException(problems);
    }
    var rule =
        new Rule(id, version, query, type, category, weight, bureauHint, enabled, description);
    return rule;
  }

  /**
   * @see #rule
   */
  public Brand brand(JsonNode node, String pathId, int version) {
    var problems = new ArrayList<Problem>();
    String id = id(node, "brandId", pathId, problems);
    if (node == null || !node.isObject()) {
      throw new InvalidConfigException(List.of(Problem.of(id, "", "a brand must be an object")));
    }
    unknown(node, BRAND_FIELDS, id, problems);
    List<String> names = texts(node, "names", id, problems);
    if (names.isEmpty() && node.path("names").isArray()) {
      problems.add(Problem.of(id, "names", "needs at least one name"));
    } else if (!node.has("names")) {
      problems.add(Problem.of(id, "names", "is required: the brand's own names"));
    }
    List<String> aliases = texts(node, "aliases", id, problems);
    List<String> shops = texts(node, "officialShops", id, problems);
    String owner = text(node, "owner", false, id, problems);
    String category = text(node, "category", false, id, problems);
    BrandProtection protection = null;
    if (node.hasNonNull("protection")) {
      protection = enumValue(node, "protection", BrandProtection.class, id, problems);
    }
    BigDecimal min = price(node, "referencePriceMin", id, problems);
    BigDecimal max = price(node, "referencePriceMax", id, problems);
    if (min != null && max != null && min.compareTo(max) > 0) {
      problems.add(
          Problem.of(
              id,
              "referencePriceMin",
              "must not exceed referencePriceMax (" + min + " > " + max + ")"));
    }
    if (!problems.isEmpty() || id == null) {
      throw new InvalidConfigException(problems);
    }
    return new Brand(id, names, aliases, owner, category, protection, min, max, shops, version);
  }

  private static String id(JsonNode node, String field, String pathId, List<Problem> problems) {
    JsonNode given = node == null ? null : node.get(field);
    String id = given != null && given.isTextual() ? given.asText() : null;
    String shown = id != null ? id : pathId != null ? pathId : "?";
    if (given != null && !given.isNull() && !given.isTextual()) {
      problems.add(Problem.of(shown, field, "must be text, was " + given));
    }
    if (pathId != null && id != null && !pathId.equals(id)) {
      problems.add(Problem.of(shown, field, "is " + id + " but the request addresses " + pathId));
    }
    String result = id != null ? id : pathId;
    if (result == null) {
      problems.add(Problem.of(shown, field, "is required"));
    } else if (!ID.matcher(result).matches()) {
      problems.add(
          Problem.of(
              shown,
              field,
              "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    return result;
  }

  private static void unknown(JsonNode node, Set<String> known, String id, List<Problem> out) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        out.add(
            Problem.of(
                id,
                name,
                "unknown field (known: "
                    + known.stream().sorted().collect(Collectors.joining(", "))
                    + ")"));
      }
    }
  }

  private static String text(
      JsonNode node, String field, boolean required, String id, List<Problem> out) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        out.add(Problem.of(id, field, "is required"));
      }
      return null;
    }
    if (!value.isTextual()) {
      out.add(Problem.of(id, field, "must be text, was " + value));
      return null;
    }
    if (required && value.asText().isBlank()) {
      out.add(Problem.of(id, field, "must not be blank"));
      return null;
    }
    return value.asText();
  }

  private static List<String> texts(JsonNode node, String field, String id, List<Problem> out) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      out.add(Problem.of(id, field, "must be a list of text"));
      return List.of();
    }
    var all = new ArrayList<String>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        out.add(Problem.of(id, field + "[" + i + "]", "must be non-blank text, was " + item));
      } else {
        all.add(item.asText());
      }
    }
    return all;
  }

  private static <E extends Enum<E>> E enumValue(
      JsonNode node, String field, Class<E> type, String id, List<Problem> out) {
    JsonNode value = node.get(field);
    String known =
        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    if (value == null || value.isNull()) {
      out.add(Problem.of(id, field, "is required, one of " + known));
      return null;
    }
    try {
      return Enum.valueOf(type, value.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      out.add(Problem.of(id, field, "must be one of " + known + ", was " + value));
      return null;
    }
  }

  private static BigDecimal price(JsonNode node, String field, String id, List<Problem> out) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      out.add(Problem.of(id, field, "must be a price in CNY of at least 0, was " + value));
      return null;
    }
    return value.decimalValue();
  }

  private static Set<String> fieldsOf(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .collect(Collectors.toUnmodifiableSet());
  }
}
