package org.iprradar.alerts.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.LogKeys;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.DeliveryOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads alert versions from {@code alert-deliveries} and sends each to its bureau and co-recipients
 * that have an endpoint. At least once: offsets are committed only after every record of a poll was
 * delivered or dead-lettered, so a crash redelivers (with the same {@code Idempotency-Key}) rather
 * than loses. Every outcome (each retry as it is scheduled, then delivered or failed) goes to
 * {@code alert-delivery-outcomes}, from which the alert store shows it; the final one is written
 * before the offset is committed. Runs on its own thread; {@link #close()} stops it from any
 * thread.
 */
public final class DeliveryWorker implements Runnable, AutoCloseable {

  public static final String GROUP_ID = "ipr-radar-alerts-webhooks";

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  private final Consumer<String, byte[]> consumer;
  private final Producer<byte[], byte[]> producer;
  private final Supplier<WebhookEndpoints> endpoints;
  private final WebhookSender sender;
  private volatile boolean running = true;

  public DeliveryWorker(
      Consumer<String, byte[]> consumer,
      Producer<byte[], byte[]> producer,
      WebhookEndpoints endpoints,
      WebhookSender sender) {
    this(consumer, producer, () -> endpoints, sender);
  }

  /**
   * @param endpoints the endpoints in force, asked for every alert version, so that they follow
   *     changes of the bureau directory
   */
  public DeliveryWorker(
      Consumer<String, byte[]> consumer,
      Producer<byte[], byte[]> producer,
      Supplier<WebhookEndpoints> endpoints,
      WebhookSender sender) {
    this.consumer = consumer;
    this.producer = producer;
    this.endpoints = endpoints;
    this.sender = sender;
  }

  /** Subscribes and delivers until closed. */
  @Override
  public void run() {
    boolean interrupted = false;
    try {
      consumer.subscribe(List.of(Topics.ALERT_DELIVERIES.name()));
      while (running) {
        pollOnce(Duration.ofSeconds(1));
      }
    } catch (WakeupException e) {
      // close() woke the poll up: stop without committing the batch in hand.
    } catch (InterruptedException | InterruptException e) {
      // Stopping in the middle of a retry: the record is not committed and is delivered again.
      interrupted = true;
    } catch (RuntimeException e) {
      LOG.error("Webhook delivery stopped; undelivered alerts stay on the topic", e);
    } finally {
      // Closing cleanly needs the interrupt flag cleared; it is restored afterwards.
      interrupted |= Thread.interrupted();
      consumer.close();
      producer.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Delivers one poll's records, then commits. Visible for tests, which drive it step by step. */
  void pollOnce(Duration timeout) throws InterruptedException {
    var records = consumer.poll(timeout);
    for (var record : records) {
      PipelineMetrics.recordIn(GROUP_ID, record.topic());
      // The record key is the alert id: in every log line about this delivery.
      MDC.put(LogKeys.ALERT_ID, record.key());
      try {
        deliver(record);
      } finally {
        MDC.remove(LogKeys.ALERT_ID);
      }
    }
    if (!records.isEmpty()) {
      consumer.commitSync();
    }
  }

  private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
    if (record.value() == null) {
      return;
    }
    AlertRecipients recipients;
    try {
      recipients = AlertRecipients.read(record.value());
    } catch (IOException | RuntimeException e) {
      deadLetter(record, "unreadable alert: " + e.getMessage());
      return;
    }
    WebhookEndpoints inForce = endpoints.get();
    Set<String> bureaus = recipients.all();
    if (bureaus.stream().allMatch(bureau -> inForce.of(bureau).isEmpty())) {
      return;
    }
    // Read in full before any bureau receives it: a broken alert is a dead letter, not a payload.
    Alert alert;
    try {
      alert = Json.mapper().readValue(record.value(), Alert.class);
    } catch (IOException | RuntimeException e) {
      deadLetter(record, "unreadable alert: " + e.getMessage());
      return;
    }
    var failures = new ArrayList<String>();
    for (String bureau : bureaus) {
      var endpoint = inForce.of(bureau);
      if (endpoint.isEmpty()) {
        continue;
      }
      // The bytes as the topology wrote them: the alert's JSON with its schemaVersion.
      DeliveryOutcome outcome =
          sender.send(endpoint.get(), alert.id(), record.value(), this::recordRetry);
      recordFinal(outcome);
      PipelineMetrics.webhookDelivery(outcome.delivered() ? "delivered" : "failed");
      if (!outcome.delivered()) {
        failures.add(
            "webhook to "
                + bureau
                + " failed after "
                + outcome.attempts()
                + " attempts: "
                + outcome.lastError());
      }
    }
    // One dead letter per failed bureau, so that an operator replays to that bureau only.
    for (String failure : failures) {
      deadLetter(record, failure);
    }
  }

  /** A retry is news, not a commitment: not waited for, and a lost one is replaced by the next. */
  private void recordRetry(DeliveryOutcome outcome) {
    PipelineMetrics.webhookDelivery("retried");
    producer.send(
        outcomeRecord(outcome),
        (metadata, error) -> {
          if (error != null) {
            LOG.warn(
                "Could not record a retry of alert {}: {}", outcome.alertId(), error.toString());
          }
        });
  }

  /** Waits for the broker, so that the offset is committed only once the outcome is kept. */
  private void recordFinal(DeliveryOutcome outcome) throws InterruptedException {
    try {
      producer.send(outcomeRecord(outcome)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot record a delivery outcome", e.getCause());
    }
  }

  private static ProducerRecord<byte[], byte[]> outcomeRecord(DeliveryOutcome outcome) {
    // Keyed by alert id like the alert's other events, so the same alerts task folds it.
    return new ProducerRecord<>(
        Topics.ALERT_DELIVERY_OUTCOMES.name(),
        outcome.alertId().getBytes(StandardCharsets.UTF_8),
        Topics.ALERT_DELIVERY_OUTCOMES.valueSerde().serializer().serialize(null, outcome));
  }

  private void deadLetter(ConsumerRecord<String, byte[]> record, String reason)
      throws InterruptedException {
    LOG.warn("Dead-lettering alert-deliveries record with key {}: {}", record.key(), reason);
    var headers = DeadLetters.describe(record, GROUP_ID, reason);
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    try {
      // Waits for the broker, so that the offset is committed only once the letter is safe.
      producer
          .send(
              new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, key, record.value(), headers))
          .get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write a dead letter", e.getCause());
    }
  }

  /** Stops the loop; a poll in progress returns at once. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
  }
}
