package org.iprradar.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a module reaches Kafka and how it creates topics. The embedded default uses one
 * partition-rich broker with replication factor 1; a real cluster sets 3.
 *
 * @param bootstrapServers the {@code host:port} list
 * @param partitions partitions of each topic created at start-up
 * @param replicationFactor replication of each topic created at start-up
 * @param clientOverrides extra client properties (security, timeouts) applied to every client
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicationFactor,
    Map<String, String> clientOverrides) {

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka.bootstrap-servers must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replication factor must be at least 1, was " + replicationFactor);
    }
    clientOverrides = clientOverrides == null ? Map.of() : Map.copyOf(clientOverrides);
  }

  /** Properties every client gets: the bootstrap servers and the overrides. */
  public Map<String, Object> clientConfig() {
    var config = new HashMap<String, Object>(clientOverrides);
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /**
   * A producer that cannot lose or duplicate an acknowledged record: every in-sync replica must
   * have it (acks=all) and retries are de-duplicated by the broker (idempotence).
   */
  public Map<String, Object> durableProducerConfig(String clientId) {
    var config = clientConfig();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A client waiting for its 202 should learn within half a minute that Kafka did not take the
    // batch.
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    return config;
  }
}
