package org.iprradar.detect.rules;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of the rules or brands topic that was not applied, and why: it cannot be read, or its
 * rule cannot be compiled. The feed logs it and writes it to the dead-letter topic.
 *
 * @param reason one line, naming the rule or brand where known
 */
record Rejection(ConsumerRecord<byte[], byte[]> record, String reason) {

  private static final int MAX_KEY_SHOWN = 200;

  public Rejection {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(reason, "reason");
    // Headers and log lines take one line; parser messages sometimes span several.
    reason = reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** Where the record is, for a log line: {@code topic rules partition 0 offset 17 key abc}. */
  String where() {
    return "topic "
        + record.topic()
        + " partition "
        + record.partition()
        + " offset "
        + record.offset()
        + " key "
        + shownKey(record.key());
  }

  private static String shownKey(byte[] key) {
    if (key == null) {
      return "(none)";
    }
    String text = new String(key, StandardCharsets.UTF_8).replaceAll("[\\r\\n]", " ");
    return text.length() <= MAX_KEY_SHOWN ? text : text.substring(0, MAX_KEY_SHOWN) + "...";
  }
}
