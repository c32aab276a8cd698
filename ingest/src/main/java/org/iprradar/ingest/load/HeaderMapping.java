package org.iprradar.ingest.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CSV row into a feed record: renames the export's columns to the feed's fields (a column
 * not in the mapping keeps its header as the field name) and gives numbers, booleans and lists
 * their JSON type, so that the same validator checks CSV and JSON records. A value that does not
 * parse stays text, and the validator names the field.
 */
public final class HeaderMapping {

  private static final Set<String> NUMBERS =
      Set.of(
          "price",
          "unitsSold",
          "version",
          "weight",
          "confirmedAlerts",
          "referencePriceMin",
          "referencePriceMax");
  private static final Set<String> BOOLEANS = Set.of("crossBorder", "blacklisted", "enabled");
  private static final Set<String> LISTS =
      Set.of("imageUrls", "evidenceUrls", "names", "aliases", "officialShops", "identityHashes");

  /** Separates the entries of a list column; URLs and names do not contain it. */
  static final String LIST_SEPARATOR = "|";

  private final Map<String, String> columnToField;

  /**
   * @param columnToField the export's column headers to the feed's field names, e.g. {@code 商品标题 ->
   *     title}
   */
  public HeaderMapping(Map<String, String> columnToField) {
    this.columnToField = Map.copyOf(columnToField);
  }

  public static HeaderMapping identity() {
    return new HeaderMapping(Map.of());
  }

  /** The field of each column, in order. */
  List<String> fields(List<String> header) {
    return header.stream()
        .map(h -> h.strip().replace("\uFEFF", ""))
        .map(h -> columnToField.getOrDefault(h, h))
        .toList();
  }

  ObjectNode record(List<String> fields, List<String> row) {
    var json = JsonNodeFactory.instance.objectNode();
    var seen = new HashMap<String, Boolean>();
    for (int i = 0; i < fields.size() && i < row.size(); i++) {
      String field = fields.get(i);
      String value = row.get(i);
      if (value.isEmpty() || seen.put(field, true) != null) {
        continue; // an empty cell is an absent field
      }
      if (NUMBERS.contains(field)) {
        try {
          String number = value.strip();
          if (number.matches("-?\\d{1,18}")) {
            json.put(field, Long.parseLong(number));
          } else {
            json.put(field, new BigDecimal(number));
          }
          continue;
        } catch (NumberFormatException e) {
          // left as text for the validator to name
        }
      } else if (BOOLEANS.contains(field)) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
          json.put(field, Boolean.parseBoolean(lower));
          continue;
        }
      } else if (LISTS.contains(field)) {
        var array = json.putArray(field);
        for (String entry : value.split("\\" + LIST_SEPARATOR)) {
          if (!entry.isBlank()) {
            array.add(entry);
          }
        }
        continue;
      }
      json.put(field, value);
    }
    return json;
  }
}
