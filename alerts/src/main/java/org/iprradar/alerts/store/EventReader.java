package org.iprradar.alerts.store;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.iprradar.common.kafka.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one topic into {@link AlertEvent}s; one that cannot be read is passed on
 * unreadable, with the reason in dead-letter headers.
 */
final class EventReader implements FixedKeyProcessor<String, byte[], AlertEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(EventReader.class);

  private final String topic;
  private final Function<byte[], AlertEvent> read;
  private FixedKeyProcessorContext<String, AlertEvent> context;

  /**
   * @param read turns the bytes into an event, throwing when they are not one
   */
  EventReader(String topic, Function<byte[], AlertEvent> read) {
    this.topic = topic;
    this.read = read;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, AlertEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    AlertEvent event;
    try {
      event = read.apply(record.value());
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering {} record with key {}: {}", topic, record.key(), e.getMessage());
      var headers =
          DeadLetters.describe(
              record.headers(),
              context.recordMetadata(),
              topic,
              AlertsTopology.APPLICATION_ID,
              e.getMessage());
      context.forward(record.withValue(AlertEvent.unreadable(record.value())).withHeaders(headers));
      return;
    }
    context.forward(record.withValue(event));
  }
}
