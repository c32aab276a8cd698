package org.iprradar.alerts.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iprradar.common.model.Bureau;

/**
 * Reads the routing table from {@code classpath:...}, a file path, or a JSON tree (the {@code
 * routing} topic and the HTTP API), failing with every problem found: each region, bureau and route
 * is read on its own, so that one bad line does not hide the next, and then the table is checked as
 * a whole.
 */
public final class RoutingTableLoader {

  private static final ObjectMapper YAML = new YAMLMapper();

  // A misspelt field is refused rather than ignored: "bureua: HEALTH" must not route to the
  // default.
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final List<String> FIELDS =
      List.of(
          "cityCode", "cityName", "regions", "bureaus", "routes", "defaultBureau", "escalation");

  private RoutingTableLoader() {}

  public static RoutingTable load(String location) throws IOException {
    JsonNode tree;
    try (InputStream in = open(location)) {
      tree = YAML.readTree(in);
    }
    try {
      return read(tree);
    } catch (InvalidRoutingException e) {
      throw new IOException("cannot use routing table " + location + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table this tree describes.
   *
   * @throws InvalidRoutingException with every problem, when it is not a usable table
   */
  public static RoutingTable read(JsonNode tree) {
    var problems = new ArrayList<RoutingProblem>();
    if (tree == null || !tree.isObject()) {
      throw new InvalidRoutingException(
          List.of(new RoutingProblem("", "a routing table is a JSON object")));
    }
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                problems.add(new RoutingProblem(name, "unknown field; known are " + FIELDS));
              }
            });
    String cityCode = text(tree, "cityCode", problems);
    String cityName = text(tree, "cityName", problems);
    String defaultBureau = text(tree, "defaultBureau", problems);
    List<Region> regions = list(tree, "regions", Region.class, problems);
    List<Bureau> bureaus = list(tree, "bureaus", Bureau.class, problems);
    List<Route> routes = list(tree, "routes", Route.class, problems);
    EscalationPolicy escalation = EscalationPolicy.DEFAULTS;
    JsonNode escalationNode = tree.get("escalation");
    if (escalationNode != null && !escalationNode.isNull()) {
      EscalationPolicy read =
          element(escalationNode, "escalation", EscalationPolicy.class, problems);
      escalation = read == null ? EscalationPolicy.DEFAULTS : read;
    }
    problems.addAll(
        RoutingTable.problems(cityCode, regions, bureaus, routes, defaultBureau, escalation));
    if (!problems.isEmpty()) {
      throw new InvalidRoutingException(problems);
    }
    return new RoutingTable(
        cityCode, cityName, regions, bureaus, routes, defaultBureau, escalation);
  }

  private static String text(JsonNode tree, String field, List<RoutingProblem> problems) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    // A code written without quotes in YAML reads as a number; it means the same.
    if (!node.isTextual() && !node.isNumber()) {
      problems.add(new RoutingProblem(field, "must be text, was " + node));
      return null;
    }
    return node.asText();
  }

  /**
   * The parts of a list field, with null in place of each part that could not be read, so that the
   * checks of the table as a whole name every part by its own index.
   */
  private static <T> List<T> list(
      JsonNode tree, String field, Class<T> type, List<RoutingProblem> problems) {
    JsonNode node = tree.get(field);
    var read = new ArrayList<T>();
    if (node == null || node.isNull()) {
      return read;
    }
    if (!node.isArray()) {
      problems.add(new RoutingProblem(field, "must be a list"));
      return read;
    }
    for (int i = 0; i < node.size(); i++) {
      read.add(element(node.get(i), field + "[" + i + "]", type, problems));
    }
    return read;
  }

  /** One part of the table, or null with its problems added. */
  private static <T> T element(
      JsonNode node, String path, Class<T> type, List<RoutingProblem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(new RoutingProblem(path, "must be an object, was " + node));
      return null;
    }
    // Unknown (misspelt) fields are found here rather than by Jackson, which would report only the
    // first problem of the part; the rest is read without them so that its own problems show too.
    var known = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    var unknown = new ArrayList<String>();
    copy.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                unknown.add(name);
              }
            });
    for (String name : unknown) {
      problems.add(new RoutingProblem(path + "." + name, "unknown field; known are " + known));
      copy.remove(name);
    }
    try {
      T value = STRICT.treeToValue(copy, type);
      return unknown.isEmpty() ? value : null;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof InvalidRoutingException invalid) {
        problems.addAll(invalid.problems());
      } else {
        problems.add(problem(path, e));
      }
      return null;
    }
  }

  /** The problem of a part Jackson could not read, at the field it names. */
  private static RoutingProblem problem(String path, JsonProcessingException e) {
    var at = new StringBuilder(path);
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          at.append('.').append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          at.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    Throwable cause = e.getCause();
    String reason;
    if (cause instanceof NullPointerException npe && npe.getMessage() != null) {
      // The records name a missing required field in their null check.
      reason = "missing " + npe.getMessage();
    } else if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
      reason = iae.getMessage();
    } else {
      // Jackson's own words, without the source location that means nothing to an operator.
      reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
    return new RoutingProblem(at.toString(), reason);
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      InputStream in = RoutingTableLoader.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("no resource " + resource + " on the classpath");
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }
}
