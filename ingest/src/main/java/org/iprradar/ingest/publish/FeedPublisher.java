package org.iprradar.ingest.publish;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.iprradar.common.kafka.AckHandoff;
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
  private final AckHandoff completions = new AckHandoff("ipr-ingest-acks");
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
    var batch = new BatchAcks(n);
    for (int i = 0; i < n; i++) {
      Outgoing out = records.get(i);
      RecordHeaders headers = null;
      if (!out.headers().isEmpty()) {
        headers = new RecordHeaders();
        for (var header : out.headers().entrySet()) {
          headers.add(header.getKey(), header.getValue());
        }
      }
      int index = i;
      try {
        producer.send(
            new ProducerRecord<>(out.topic(), null, out.key(), out.value(), headers),
            (metadata, error) -> batch.done(index, metadata, error));
      } catch (RuntimeException e) {
        // send() itself throws when the producer cannot buffer the record (e.g. metadata timeout).
        batch.done(index, null, e);
      }
    }
    return batch.future;
  }

  /**
   * The acknowledgements of one batch, gathered without a future per record: a thousand futures and
   * their completion stages cost more than the sends they wait for.
   */
  private final class BatchAcks {
    final CompletableFuture<List<RecordMetadata>> future = new CompletableFuture<>();
    private final RecordMetadata[] metadata;
    private final AtomicInteger remaining;
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    BatchAcks(int n) {
      metadata = new RecordMetadata[n];
      remaining = new AtomicInteger(n);
    }

    void done(int index, RecordMetadata m, Exception error) {
      // Each record's slot is released as soon as Kafka answers it, as it was per record before.
      inFlight.release();
      if (error == null) {
        metadata[index] = m;
      } else {
        firstError.compareAndSet(null, error);
      }
      if (remaining.decrementAndGet() == 0) {
        countSent();
        Exception e = firstError.get();
        Runnable complete =
            e == null
                ? () -> future.complete(Arrays.asList(metadata))
                : () -> future.completeExceptionally(e);
        // What waits on the batch (the answer, its JSON, the HTTP write) runs on the hand-off
        // thread: not on Kafka's sender thread, which would stop sending meanwhile.
        completions.run(complete);
      }
    }

    /** Counts the records Kafka took, once per topic rather than once per record. */
    private void countSent() {
      var perTopic = new HashMap<String, Integer>();
      for (RecordMetadata m : metadata) {
        if (m != null) {
          perTopic.merge(m.topic(), 1, Integer::sum);
        }
      }
      perTopic.forEach((topic, count) -> PipelineMetrics.recordsOut(APPLICATION, topic, count));
    }
  }

  @Override
  public void close() {
    metrics.close();
    producer.close(Duration.ofSeconds(10));
    // After the producer: its last callbacks may still hand batches to this thread.
    completions.close();
  }
}
