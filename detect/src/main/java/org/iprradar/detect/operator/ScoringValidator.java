package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.detect.score.ScoringBook;

/**
 * Checks an operator's scoring settings field by field and reports every problem with its field, so
 * that a form can show each next to its input; the scoring book then checks the entry as the rule
 * feed would, so that what passes here is never refused by detect.
 */
public final class ScoringValidator {

  /** The categories' keys as partners send them, and the key of the entry for all. */
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9_]+");

  /** Fields not settable through the API: the system numbers versions. */
  private static final Set<String> NOT_NUMBERS = Set.of("version", "description");

  /** The numeric fields, in the record's order, with the highest value each takes. */
  public static final Map<String, Double> MAX = maxima();

  private final ScoringBook book;

  public ScoringValidator(ScoringBook book) {
    this.book = book;
  }

  /** Why {@code key} is neither {@code default} nor a category, or null when it is one. */
  static String keyProblem(String key) {
    if (key == null
        || !(ScoringOverride.ALL_CATEGORIES.equals(key) || CATEGORY.matcher(key).matches())) {
      return "is neither "
          + ScoringOverride.ALL_CATEGORIES
          + " nor a listing category (lower-case letters, digits and _), was "
          + key;
    }
    return null;
  }

  /**
   * The entry {@code draft} asks for under {@code key}.
   *
   * @param version the version the system gives it
   * @throws InvalidConfigException with every problem, each naming its field
   */
  public ScoringOverride entry(String key, JsonNode draft, int version) {
    var problems = new ArrayList<Problem>();
    String keyProblem = keyProblem(key);
    if (keyProblem != null) {
      problems.add(Problem.of(key, "key", keyProblem));
    }
    if (draft == null || !draft.isObject()) {
      problems.add(Problem.of(key, "", "settings are a JSON object of the fields to override"));
      throw new InvalidConfigException(problems);
    }
    var values = new LinkedHashMap<String, Double>();
    String description = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = draft.fields(); it.hasNext(); ) {
      var field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("version")) {
        continue; // the system's, as for rules: one more than any before
      }
      if (name.equals("description")) {
        if (!value.isNull() && !value.isTextual()) {
          problems.add(Problem.of(key, name, "must be text"));
        } else {
          description = value.isNull() ? null : value.asText();
        }
        continue;
      }
      Double max = MAX.get(name);
      if (max == null) {
        problems.add(
            Problem.of(
                key,
                name,
                "unknown field (known: description, " + String.join(", ", MAX.keySet()) + ")"));
        continue;
      }
      if (value.isNull()) {
        continue; // the value beneath applies
      }
      if (!value.isNumber()) {
        problems.add(Problem.of(key, name, "must be a number, was " + value));
        continue;
      }
      double number = value.asDouble();
      boolean open = name.equals("networkShare");
      if (!(number >= 0 && (open ? number < max : number <= max))) {
        problems.add(
            Problem.of(
                key,
                name,
                "must be within 0.."
                    + plain(max)
                    + (open ? " (" + plain(max) + " excluded)" : "")
                    + ", was "
                    + plain(number)));
        continue;
      }
      if (name.equals("categoryPoints") && ScoringOverride.ALL_CATEGORIES.equals(key)) {
        problems.add(
            Problem.of(key, name, "is set per category: put it in the settings of the category"));
        continue;
      }
      values.put(name, number);
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    ScoringOverride entry = build(version, values, description);
    book.check(key, entry)
        .ifPresent(
            reason -> {
              throw new InvalidConfigException(List.of(Problem.of(key, "", reason)));
            });
    return entry;
  }

  private static ScoringOverride build(
      int version, Map<String, Double> values, String description) {
    var fields = new LinkedHashMap<String, Object>(values);
    fields.put("version", version);
    fields.put("description", description);
    try {
      return Json.mapper().convertValue(fields, ScoringOverride.class);
    } catch (IllegalArgumentException e) {
      // Unreachable after the checks above; said plainly should the record gain a rule.
      throw new InvalidConfigException(List.of(Problem.of("scoring", "", e.getMessage())));
    }
  }

  /** 100 rather than 100.0, 0.5 as it is. */
  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }

  private static Map<String, Double> maxima() {
    var max = new LinkedHashMap<String, Double>();
    Arrays.stream(ScoringOverride.class.getRecordComponents())
        .map(RecordComponent::getName)
        .filter(name -> !NOT_NUMBERS.contains(name))
        .forEach(
            name ->
                max.put(
                    name,
                    name.equals("priceBandRatio") || name.equals("networkShare") ? 1.0 : 100.0));
    return Collections.unmodifiableMap(max);
  }
}
