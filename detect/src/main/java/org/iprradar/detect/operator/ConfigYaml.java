package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Rule;

/**
 * Rules and brands as YAML in the starter packs' form ({@code rules:} and {@code brands:} lists),
 * so that an export can be kept in version control, edited, imported again, or used as a starter
 * pack.
 */
public final class ConfigYaml {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** What an import file holds, as trees for the validator. */
  public record Entries(List<JsonNode> rules, List<JsonNode> brands) {}

  private ConfigYaml() {}

  /**
   * A YAML document with a {@code rules:} list, a {@code brands:} list, or both (null: left out).
   */
  public static String write(List<Rule> rules, List<Brand> brands) {
    ObjectNode root = YAML.createObjectNode();
    if (rules != null) {
      root.set("rules", Json.mapper().valueToTree(rules));
    }
    if (brands != null) {
      root.set("brands", Json.mapper().valueToTree(brands));
    }
    stripNulls(root);
    try {
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  /**
   * @throws InvalidConfigException when the text is not YAML or has anything but the two lists
   */
  public static Entries read(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml == null ? "" : yaml);
    } catch (IOException e) {
      throw new InvalidConfigException(
          List.of(Problem.of("import", "", "not valid YAML: " + firstLine(e.getMessage()))));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Entries(List.of(), List.of());
    }
    var problems = new ArrayList<Problem>();
    if (!root.isObject()) {
      throw new InvalidConfigException(
          List.of(Problem.of("import", "", "expected a mapping with rules: and/or brands:")));
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("rules") && !name.equals("brands")) {
        problems.add(Problem.of("import", name, "unknown section (known: brands, rules)"));
      }
    }
    List<JsonNode> rules = list(root, "rules", problems);
    List<JsonNode> brands = list(root, "brands", problems);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new Entries(rules, brands);
  }

  private static List<JsonNode> list(JsonNode root, String name, List<Problem> problems) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(Problem.of("import", name, "must be a list"));
      return List.of();
    }
    var all = new ArrayList<JsonNode>();
    node.forEach(all::add);
    return all;
  }

  /** Nulls are noise in a file people read and diff. */
  private static void stripNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var nulls = new ArrayList<String>();
      object
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isNull()) {
                  nulls.add(e.getKey());
                } else {
                  stripNulls(e.getValue());
                }
              });
      object.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(ConfigYaml::stripNulls);
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
