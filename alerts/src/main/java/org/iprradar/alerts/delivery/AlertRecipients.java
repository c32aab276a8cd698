package org.iprradar.alerts.delivery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iprradar.common.json.Json;

/**
 * The bureaus an alert version is for, its bureau and co-recipients, read from the head of its JSON
 * without binding the rest. Most bureaus have no webhook endpoint, and an alert carries up to 50
 * assessments: reading the whole alert only to find that nobody is to receive it was a second full
 * parse of every alert version, beside the alerts thread's own.
 */
record AlertRecipients(String bureau, List<String> coRecipients) {

  /** The bureau first, then the co-recipients, each once. */
  Set<String> all() {
    var all = new LinkedHashSet<String>();
    all.add(bureau);
    all.addAll(coRecipients);
    return all;
  }

  /**
   * Reads the top-level {@code bureau.id} and {@code coRecipients}, stopping once both are read
   * (they come before the assessments).
   *
   * @throws IOException when the JSON up to them is broken, or there is no bureau id
   */
  static AlertRecipients read(byte[] json) throws IOException {
    try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      String bureau = null;
      List<String> coRecipients = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME
          && (bureau == null || coRecipients == null)) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("bureau".equals(field) && value == JsonToken.START_OBJECT) {
          bureau = bureauId(parser);
        } else if ("coRecipients".equals(field) && value == JsonToken.START_ARRAY) {
          coRecipients = strings(parser);
        } else {
          parser.skipChildren();
        }
      }
      if (bureau == null) {
        throw new IOException("the alert has no bureau id");
      }
      return new AlertRecipients(bureau, coRecipients == null ? List.of() : coRecipients);
    }
  }

  private static String bureauId(JsonParser parser) throws IOException {
    String id = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
        id = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return id;
  }

  private static List<String> strings(JsonParser parser) throws IOException {
    var strings = new ArrayList<String>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.VALUE_STRING) {
        throw new IOException("coRecipients holds a " + token + ", not a bureau id");
      }
      strings.add(parser.getText());
    }
    return strings;
  }
}
