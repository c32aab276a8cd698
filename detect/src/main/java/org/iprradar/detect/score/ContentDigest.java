package org.iprradar.detect.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.iprradar.common.json.Json;

/**
 * A short, stable digest of configuration content, the versions an assessment records. Stable means
 * independent of the JVM: the content is written as JSON with object fields and array elements
 * sorted, since {@code Map.copyOf} and {@code Set.copyOf} iterate in an order that changes from one
 * run to the next. Sorting arrays also makes the order of a word list immaterial, which it is to
 * scoring.
 */
public final class ContentDigest {

  /** 64 bits: collisions among the few thousand versions an installation sees are not a concern. */
  private static final int HEX_CHARS = 16;

  private final MessageDigest sha;

  private ContentDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A digest to add parts to. */
  public static ContentDigest start() {
    return new ContentDigest();
  }

  /** Adds a labelled part: a record, map or list, taken as its JSON. */
  public ContentDigest add(String label, Object content) {
    update(label);
    update(canonical(Json.mapper().valueToTree(content)).toString());
    return this;
  }

  /** Adds every entry of {@code parts}, in the order of their keys. */
  public ContentDigest addAll(Map<String, ?> parts) {
    new TreeMap<>(parts).forEach(this::add);
    return this;
  }

  /** The digest as hex, e.g. {@code 3f9a1c2b7d4e0a51}. */
  public String finish() {
    return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
  }

  private void update(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // The length first, so that parts cannot run into each other ("ab"+"c" is not "a"+"bc").
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      var sorted = new TreeMap<String, JsonNode>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var field = it.next();
        sorted.put(field.getKey(), canonical(field.getValue()));
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      var elements = new ArrayList<JsonNode>();
      node.forEach(element -> elements.add(canonical(element)));
      elements.sort(Comparator.comparing(JsonNode::toString));
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      elements.forEach(out::add);
      return out;
    }
    return node;
  }
}
