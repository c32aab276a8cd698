package org.iprradar.common.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a module needs when they do not exist yet; existing topics are left as they
 * are.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /**
   * Waits until the broker serves every partition of the new topics. The controller names a new
   * partition's leader before the broker has created it: an idempotent producer writing in between
   * was seen to get NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE until its delivery timeout,
   * so a partner's first request after a fresh start would fail. Listing a partition's end offset
   * only succeeds once the broker has the partition.
   */
  private static void awaitServed(Admin admin, List<NewTopic> created)
      throws InterruptedException, TimeoutException {
    var latest = new HashMap<TopicPartition, OffsetSpec>();
    for (NewTopic topic : created) {
      for (int p = 0; p < topic.numPartitions(); p++) {
        latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!latest.isEmpty()) {
      try {
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("new topics not served after 60 s: " + latest.keySet());
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Creates the missing topics among {@code topics}.
   *
   * @throws IllegalStateException when the cluster cannot be reached or refuses a topic, with its
   *     reason
   */
  public static void ensure(KafkaSettings settings, Collection<Topic<?, ?>> topics) {
    try (Admin admin = Admin.create(settings.clientConfig())) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      var missing = new ArrayList<NewTopic>();
      for (Topic<?, ?> topic : topics) {
        if (!existing.contains(topic.name())) {
          missing.add(
              new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor())
                  .configs(topic.configs()));
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      var created = new ArrayList<NewTopic>();
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(60, TimeUnit.SECONDS);
          LOG.info("Created topic {}", entry.getKey());
          missing.stream().filter(t -> t.name().equals(entry.getKey())).forEach(created::add);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
      awaitServed(admin, created);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException refused) {
        // Kafka's message says why (wrong password, unknown mechanism); this says what to fix.
        throw new IllegalStateException(
            "Kafka at "
                + settings.bootstrapServers()
                + " refused this service's credentials: "
                + refused.getMessage()
                + " (check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and"
                + " KAFKA_SASL_PASSWORD, or the TLS stores)",
            refused);
      }
      throw new IllegalStateException(
          "cannot reach Kafka at "
              + settings.bootstrapServers()
              + " to create topics: "
              + (e.getCause() == null ? e : e.getCause().getMessage()),
          e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at " + settings.bootstrapServers() + " within 60 s to create topics",
          e);
    }
  }
}
