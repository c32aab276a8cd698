package org.iprradar.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.iprradar.common.model.RoutingChange;

/** The shipped Nantong routing table as a JSON tree, to edit into test versions. */
public final class RoutingTables {

  private RoutingTables() {}

  /** A fresh copy of config/routing.yaml as the topic and the API carry it. */
  public static ObjectNode nantong() {
    try (InputStream in =
        RoutingTables.class.getClassLoader().getResourceAsStream("config/routing.yaml")) {
      return (ObjectNode) new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Nantong table with every route of {@code type} (any category) sent to {@code bureau}. */
  public static ObjectNode routingTypeTo(String type, String bureau) {
    ObjectNode table = nantong();
    for (var route : (ArrayNode) table.get("routes")) {
      if (route.get("type").asText().equals(type)) {
        ((ObjectNode) route).put("bureau", bureau);
      }
    }
    return table;
  }

  public static RoutingChange change(int version, ObjectNode table) {
    return new RoutingChange(
        version, "ops-1", Instant.parse("2026-11-29T09:00:00Z"), "test change", table);
  }
}
