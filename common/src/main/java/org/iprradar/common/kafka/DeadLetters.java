package org.iprradar.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.iprradar.common.metrics.PipelineMetrics;

/** The header names a dead letter carries, so that an operator knows where it came from and why. */
public final class DeadLetters {

  /** The topic the record was read from. */
  public static final String SOURCE_TOPIC = "ipr.dlq.source-topic";

  /** The application that gave up on it. */
  public static final String APPLICATION = "ipr.dlq.application";

  /** Why it could not be processed, in one line. */
  public static final String REASON = "ipr.dlq.reason";

  /**
   * The partition it was read from; with {@link #SOURCE_OFFSET} it tells copies of one record apart
   * from different records.
   */
  public static final String SOURCE_PARTITION = "ipr.dlq.source-partition";

  /** The offset it was read from. */
  public static final String SOURCE_OFFSET = "ipr.dlq.source-offset";

  private DeadLetters() {}

  /**
   * Adds the three headers to {@code headers} and returns them. Every dead letter is described
   * once, here, so this is also where it is counted ({@code ipr_dead_letters_total}).
   */
  public static Headers describe(
      Headers headers, String sourceTopic, String application, String reason) {
    PipelineMetrics.deadLetter(application, sourceTopic, reason);
    headers.add(SOURCE_TOPIC, sourceTopic.getBytes(StandardCharsets.UTF_8));
    headers.add(APPLICATION, application.getBytes(StandardCharsets.UTF_8));
    headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /**
   * The headers of a dead letter for a record a plain consumer read: the record's own headers, the
   * three above, and its partition and offset.
   */
  public static Headers describe(ConsumerRecord<?, ?> source, String application, String reason) {
    var headers = new RecordHeaders(source.headers().toArray());
    describe(headers, source.topic(), application, reason);
    headers.add(
        SOURCE_PARTITION, String.valueOf(source.partition()).getBytes(StandardCharsets.UTF_8));
    headers.add(SOURCE_OFFSET, String.valueOf(source.offset()).getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /**
   * The headers of a dead letter for a record a Streams processor read: the three above, and the
   * partition and offset from {@code source} (the processor context's {@code recordMetadata()}).
   * The topic, too, comes from the metadata when it is there, so a processor fed by several topics
   * names the right one; {@code fallbackTopic} is used only for a record that has no metadata (one
   * made by a punctuation).
   */
  public static Headers describe(
      Headers headers,
      Optional<RecordMetadata> source,
      String fallbackTopic,
      String application,
      String reason) {
    describe(headers, source.map(RecordMetadata::topic).orElse(fallbackTopic), application, reason);
    source.ifPresent(
        meta -> {
          headers.add(
              SOURCE_PARTITION, String.valueOf(meta.partition()).getBytes(StandardCharsets.UTF_8));
          headers.add(
              SOURCE_OFFSET, String.valueOf(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
    return headers;
  }

  /**
   * Writes rejected records, original bytes and headers as they are, to {@link
   * Topics#DEAD_LETTERS}.
   */
  public static void write(KStream<String, byte[]> rejected) {
    rejected.to(
        Topics.DEAD_LETTERS.name(),
        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letters-out"));
  }

  /** Reads a header as text, or null when it is absent. */
  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
