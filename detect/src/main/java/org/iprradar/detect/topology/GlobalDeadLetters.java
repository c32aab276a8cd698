package org.iprradar.detect.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters from the processors that feed the global stores (seller records, complaints). Kafka
 * Streams gives a global processor no way to forward, so these go through a producer of their own,
 * outside the stream's transactions.
 *
 * <p>A dead letter keeps the original key and bytes and carries the source topic, partition and
 * offset in headers, like the rule feed's. Kafka Streams runs a global processor again over the
 * records it restores after the local state was lost, so the same unreadable record may be
 * dead-lettered twice; the same topic, partition and offset in the headers mark the second as a
 * repeat. The producer is idempotent with acks=all, so a retried send is not one more.
 */
public final class GlobalDeadLetters implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GlobalDeadLetters.class);

  private final Producer<byte[], byte[]> producer;

  /**
   * @param producer an idempotent producer with acks=all, or null to only log (tests that do not
   *     look at dead letters)
   */
  public GlobalDeadLetters(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /** Dead letters that are only logged. */
  public static GlobalDeadLetters loggingOnly() {
    return new GlobalDeadLetters(null);
  }

  /**
   * Dead-letters the record a global processor is processing, with the source topic, partition and
   * offset from its context. Both global loaders reject this way; the record metadata can be absent
   * (punctuations, tests), so the loader names its own topic as the fallback and -1 stands for an
   * unknown partition or offset.
   */
  void reject(
      ProcessorContext<?, ?> context,
      Record<String, byte[]> record,
      String fallbackTopic,
      String reason) {
    var meta = context.recordMetadata();
    send(
        meta.map(m -> m.topic()).orElse(fallbackTopic),
        meta.map(m -> m.partition()).orElse(-1),
        meta.map(m -> m.offset()).orElse(-1L),
        record.key(),
        record.value(),
        record.headers(),
        reason);
  }

  /**
   * Sends one unreadable record to {@link Topics#DEAD_LETTERS}; never throws, so that the global
   * thread goes on whatever the producer does.
   */
  private void send(
      String topic,
      int partition,
      long offset,
      String key,
      byte[] value,
      Headers original,
      String reason) {
    String where = topic + "-" + partition + "@" + offset;
    LOG.warn("Dead-lettering the record with key {} at {}: {}", key, where, reason);
    if (producer == null) {
      return;
    }
    var headers = new RecordHeaders(original == null ? null : original.toArray());
    DeadLetters.describe(headers, topic, DetectTopology.APPLICATION_ID, reason);
    headers.add(
        DeadLetters.SOURCE_PARTITION, String.valueOf(partition).getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetters.SOURCE_OFFSET, String.valueOf(offset).getBytes(StandardCharsets.UTF_8));
    var record =
        new ProducerRecord<>(
            Topics.DEAD_LETTERS.name(),
            null,
            key == null ? null : key.getBytes(StandardCharsets.UTF_8),
            value,
            headers);
    try {
      producer.send(
          record,
          (metadata, e) -> {
            if (e != null) {
              LOG.error("Could not dead-letter the record at {}: {}", where, e.toString());
            }
          });
    } catch (RuntimeException e) {
      LOG.error("Could not dead-letter the record at {}: {}", where, e.toString());
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
