package org.iprradar.common.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
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
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(60, TimeUnit.SECONDS);
          LOG.info("Created topic {}", entry.getKey());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at "
              + settings.bootstrapServers()
              + " to create topics: "
              + (e.getCause() == null ? e : e.getCause().getMessage()),
          e);
    }
  }
}
