package org.iprradar.detect.operator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.ConfigChange;

/**
 * Writes operator changes to the live {@code rules}/{@code brands}/{@code scoring-settings} topics,
 * with {@code changedBy}, {@code changedAt} and {@code version} headers so that a record on the
 * live topic says where it came from, and to the history topic; reads the history back with a
 * {@link TopicReader}.
 *
 * <p>The live record goes first: a change whose history write fails is in force and the caller
 * hears of the failure, rather than a history that claims a change that never happened.
 */
public final class KafkaOperatorLog implements OperatorLog {

  private final Producer<String, byte[]> producer;
  private final TopicReader reader;

  public KafkaOperatorLog(Producer<String, byte[]> producer, TopicReader reader) {
    this.producer = producer;
    this.reader = reader;
  }

  @Override
  public void publish(ConfigChange change, Object value) {
    String topic =
        switch (change.kind()) {
          case ConfigChange.RULE -> Topics.RULES.name();
          case ConfigChange.BRAND -> Topics.BRANDS.name();
          case ConfigChange.SCORING -> Topics.SCORING_SETTINGS.name();
          default -> throw new IllegalArgumentException("no live topic for " + change.kind());
        };
    var live =
        new ProducerRecord<String, byte[]>(topic, change.id(), value == null ? null : json(value));
    live.headers()
        .add("changedBy", bytes(change.changedBy()))
        .add("changedAt", bytes(String.valueOf(change.changedAt())))
        .add("version", bytes(String.valueOf(change.version())));
    send(live);
    send(new ProducerRecord<>(Topics.RULE_CHANGES.name(), change.key(), json(change)));
  }

  @Override
  public List<ConfigChange> history(String kind, String id) {
    String key = ConfigChange.key(kind, id);
    var serde = Topics.RULE_CHANGES.valueSerde();
    return reader.read(Topics.RULE_CHANGES.name(), r -> key.equals(r.key())).stream()
        .filter(r -> r.value() != null)
        .map(r -> serde.deserializer().deserialize(r.topic(), r.value()))
        .toList();
  }

  private void send(ProducerRecord<String, byte[]> record) {
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + record.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not take the change of " + record.key() + " on " + record.topic(), e);
    }
  }

  private static byte[] json(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
    }
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
