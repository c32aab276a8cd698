package org.iprradar.ingest.publish;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.iprradar.common.metrics.PipelineMetrics;

/**
 * Writes records to their topics with one durable producer (acks=all, idempotent). The future of a
 * batch completes only when Kafka has acknowledged every record of it, so a 202 is never given for
 * a record that is not kept.
 *
 * <p>At most {@code maxInFlight} records wait for acknowledgement at once. Beyond that a batch is
 * refused at once with {@link SaturatedException} instead of queueing: a partner told to retry
 * later is better than one whose request times out while the server's memory fills.
 */
public final class FeedPublisher implements AutoCloseable {

  /** The producer's client id and the application tag of its meters. */
  public static final String APPLICATION = "ipr-radar-ingest";

  private final Producer<String, byte[]> producer;
  private final KafkaClientMetrics metrics;
  private final Semaphore inFlight;
  private final int maxInFlight;

  public FeedPublisher(Producer<String, byte[]> producer, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "ipr.ingest.max-in-flight-records must be at least 1, was " + maxInFlight);
    }
    this.producer = producer;
    // Send rates, errors, retries and request latency: Kafka's own producer metrics.
    this.metrics = new KafkaClientMetrics(producer, List.of(Tag.of("application", APPLICATION)));
    metrics.bindTo(PipelineMetrics.registry());
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /**
   * Sends the records in order; completes with their metadata when all are acknowledged, or
   * exceptionally when any is not.
   *
   * @throws SaturatedException when the batch would exceed the in-flight bound
   */
  public CompletableFuture<List<RecordMetadata>> publish(List<Outgoing> records) {
    int n = records.size();
    if (n > maxInFlight) {
      throw new SaturatedException(
          "a batch of "
              + n
              + " records is larger than the "
              + maxInFlight
              + " this server may hold in flight; send smaller batches");
    }
    if (!inFlight.tryAcquire(n)) {
      throw new SaturatedException(
          "the server is saturated: more than " + maxInFlight + " records await Kafka");
    }
    @SuppressWarnings("unchecked")
    CompletableFuture<RecordMetadata>[] acks = new CompletableFuture[n];
    for (int i = 0; i < n; i++) {
      Outgoing out = records.get(i);
      var ack = new CompletableFuture<RecordMetadata>();
      acks[i] = ack;
      ack.whenComplete((m, e) -> inFlight.release());
      var headers = new RecordHeaders();
      out.headers().forEach(headers::add);
      try {
        producer.send(
            new ProducerRecord<>(out.topic(), null, out.key(), out.value(), headers),
            (metadata, error) -> {
              if (error == null) {
                PipelineMetrics.recordsOut(APPLICATION, out.topic(), 1);
                ack.complete(metadata);
              } else {
                ack.completeExceptionally(error);
              }
            });
      } catch (RuntimeException e) {
        // send() itself throws when the producer cannot buffer the record (e.g. metadata timeout).
        ack.completeExceptionally(e);
      }
    }
    return CompletableFuture.allOf(acks)
        .thenApply(ignored -> java.util.Arrays.stream(acks).map(CompletableFuture::join).toList());
  }

  @Override
  public void close() {
    metrics.close();
    producer.close(Duration.ofSeconds(10));
  }
}
