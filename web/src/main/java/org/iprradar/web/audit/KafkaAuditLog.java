package org.iprradar.web.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.iprradar.common.kafka.AckHandoff;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topic;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records to the {@code audit} topic with a producer that loses nothing it
 * acknowledged (acks=all, idempotence). Created with the context, so that the topic exists and has
 * the configured retention before the first request.
 */
@Context
@Requires(property = "kafka.bootstrap-servers")
@Requires(property = "ipr.audit.enabled", notEquals = "false")
final class KafkaAuditLog implements AuditLog, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditLog.class);

  private final Topic<String, AuditRecord> topic;
  private final Producer<String, AuditRecord> producer;

  /**
   * send() waits for the topic's metadata when the broker is away; it runs here, never on the event
   * loop that serves requests.
   */
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "ipr-audit-sender");
            thread.setDaemon(true);
            return thread;
          });

  /** Each write's answer waits on its audit record, and runs here once it is acknowledged. */
  private final AckHandoff answers = new AckHandoff("ipr-audit-answers");

  KafkaAuditLog(
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.audit.retention}") Optional<Duration> retention) {
    var kafka =
        new KafkaSettings(
            bootstrapServers, partitions, replicationFactor, security.clientOverrides());
    this.topic = Topics.audit(retention.orElse(Topics.AUDIT_RETENTION));
    TopicProvisioner.ensure(kafka, List.<Topic<?, ?>>of(topic));
    retention.ifPresent(r -> keepFor(kafka, r));
    var config = kafka.durableProducerConfig("ipr-radar-audit");
    // A write's answer waits for its audit record: when the broker is away, give up within ten
    // seconds (and log the record) rather than hold a partner's 503 for half a minute more.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    // One small record per write request, and the answer waits for it: waiting to fill a batch
    // would add the linger to every write's answer.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    this.producer =
        new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  /**
   * Another app may have created the topic with the default retention; a retention set for this
   * deployment is applied to the topic as it is.
   */
  private void keepFor(KafkaSettings kafka, Duration retention) {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
    String wanted = String.valueOf(retention.toMillis());
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      var current =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(resource)
              .get(TopicConfig.RETENTION_MS_CONFIG);
      if (current != null && wanted.equals(current.value())) {
        return;
      }
      Collection<AlterConfigOp> change =
          List.of(
              new AlterConfigOp(
                  new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, wanted),
                  AlterConfigOp.OpType.SET));
      admin.incrementalAlterConfigs(Map.of(resource, change)).all().get(30, TimeUnit.SECONDS);
      LOG.info("Audit topic now kept for {}", retention);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting the audit's retention", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot set the audit topic's retention to " + retention + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<Void> write(AuditRecord record) {
    var done = new CompletableFuture<Void>();
    try {
      sender.execute(
          () -> {
            try {
              producer.send(
                  new ProducerRecord<>(
                      topic.name(), null, record.at().toEpochMilli(), record.who(), record),
                  (metadata, error) ->
                      // The request's answer waits on this record: off the I/O thread.
                      answers.run(
                          error == null
                              ? () -> done.complete(null)
                              : () -> done.completeExceptionally(error)));
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @PreDestroy
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    // After the producer: its last callbacks may still hand answers to this thread.
    answers.close();
  }
}
