package org.iprradar.alerts.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.iprradar.common.json.Json;

/**
 * What one routing table changes against another, one line per changed value ({@code
 * routes[1].bureau: "COPYRIGHT" -> "MARKET_SUPERVISION"}), for the history. Both tables are
 * compared in the form the API shows them, with every default filled in, so that writing a default
 * out or leaving it out is no change.
 */
public final class RoutingDiff {

  private RoutingDiff() {}

  public static List<String> between(RoutingTable before, RoutingTable after) {
    var changes = new ArrayList<String>();
    diff("", tree(before), tree(after), changes);
    return changes;
  }

  private static JsonNode tree(RoutingTable table) {
    try {
      // Through bytes, so that numbers compare as written (50000, not 5E+4).
      return Json.mapper().readTree(Json.mapper().writeValueAsBytes(table));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void diff(String path, JsonNode before, JsonNode after, List<String> changes) {
    before = before == null ? NullNode.getInstance() : before;
    after = after == null ? NullNode.getInstance() : after;
    if (before.equals(after)) {
      return;
    }
    if (before.isObject() && after.isObject()) {
      var names = new LinkedHashSet<String>();
      before.fieldNames().forEachRemaining(names::add);
      after.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
      }
      return;
    }
    if (before.isArray() && after.isArray()) {
      for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
        String at = path + "[" + i + "]";
        if (i >= before.size()) {
          changes.add(at + " added: " + after.get(i));
        } else if (i >= after.size()) {
          changes.add(at + " removed: " + before.get(i));
        } else {
          diff(at, before.get(i), after.get(i), changes);
        }
      }
      return;
    }
    changes.add(path + ": " + before + " -> " + after);
  }
}
