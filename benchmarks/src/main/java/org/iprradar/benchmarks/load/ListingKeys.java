package org.iprradar.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Finds the listing keys in a lead ({@code assessment.listingKey}) or an alert version ({@code
 * listings[].listingKey}) with one streaming pass that skips every other value unread. The latency
 * watcher runs in the measured JVM, so a tree of each whole alert (up to 50 assessments) would be
 * CPU taken from the pipeline it measures.
 */
final class ListingKeys {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private ListingKeys() {}

  /** The key of a lead's assessment, or null when the lead has none. */
  static String ofLead(byte[] json) throws IOException {
    String[] found = new String[1];
    scan(json, "assessment", false, key -> found[0] = key);
    return found[0];
  }

  /** Each key of an alert's listings, in order. */
  static void ofAlert(byte[] json, Consumer<String> sink) throws IOException {
    scan(json, "listings", true, sink);
  }

  /**
   * Reads the top-level object for {@code field}, an object (or, when {@code array}, an array of
   * objects), and gives the {@code listingKey} string directly inside each such object.
   */
  private static void scan(byte[] json, String field, boolean array, Consumer<String> sink)
      throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!name.equals(field)) {
          parser.skipChildren();
          continue;
        }
        if (array && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
              keyOf(parser, sink);
            } else {
              parser.skipChildren();
            }
          }
        } else if (!array && value == JsonToken.START_OBJECT) {
          keyOf(parser, sink);
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /**
   * With the parser at an object's start, gives its {@code listingKey} and leaves it at its end.
   */
  private static void keyOf(JsonParser parser, Consumer<String> sink) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("listingKey") && value == JsonToken.VALUE_STRING) {
        sink.accept(parser.getText());
      } else {
        parser.skipChildren();
      }
    }
  }
}
