package org.iprradar.ingest.publish;

import java.util.Map;
import java.util.Objects;

/**
 * One record to write.
 *
 * @param value the serialised value, or null for a tombstone that deletes the key
 * @param headers extra headers, such as the original of a normalised record
 */
public record Outgoing(String topic, String key, byte[] value, Map<String, byte[]> headers) {
  public Outgoing {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
