package org.iprradar.detect.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Listing;

/** Reads the JSON-lines data sets of the quality report; blank lines are skipped. */
public final class QualityData {

  private QualityData() {}

  /** Lines of {@code {"title": ..., "brands": [...]}}. */
  public static List<TaggedTitle> taggedTitles(Path file) throws IOException {
    var titles = new ArrayList<TaggedTitle>();
    for (JsonNode node : lines(file)) {
      titles.add(mapper().treeToValue(node, TaggedTitle.class));
    }
    return titles;
  }

  /** Lines of a listing's fields with a {@code label} object. */
  public static List<LabeledListing> labeledListings(Path file) throws IOException {
    var listings = new ArrayList<LabeledListing>();
    for (JsonNode node : lines(file)) {
      JsonNode label = node.get("label");
      if (label == null || label.isNull()) {
        throw new IOException(file + ": listing " + node.path("listingId") + " has no label");
      }
      listings.add(
          new LabeledListing(
              mapper().treeToValue(node, Listing.class), mapper().treeToValue(label, Label.class)));
    }
    return listings;
  }

  /** Lines with the fields of {@link Brand}. */
  public static List<Brand> brands(Path file) throws IOException {
    var brands = new ArrayList<Brand>();
    for (JsonNode node : lines(file)) {
      brands.add(mapper().treeToValue(node, Brand.class));
    }
    return brands;
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    var nodes = new ArrayList<JsonNode>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          nodes.add(mapper().readTree(line));
        } catch (JsonProcessingException e) {
          throw new IOException(file + " line " + number + ": " + e.getOriginalMessage(), e);
        }
      }
    }
    return nodes;
  }

  private static ObjectMapper mapper() {
    return Json.mapper();
  }
}
