package org.iprradar.ingest.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.iprradar.common.kafka.KafkaSettings;

/**
 * The producer settings of ingest's publisher: the durable ones (acks=all, idempotent, linger 5 ms)
 * with a batch size and compression of ingest's own ({@code ipr.ingest.producer.batch-size}, {@code
 * ipr.ingest.producer.compression}). The ingest benchmark's direct producer takes the same, so that
 * its ceiling is measured under the same settings.
 */
public final class ProducerSettings {

  /** Bytes per partition batch: a request of a thousand listings fills several. */
  public static final int DEFAULT_BATCH_SIZE = 64 * 1024;

  public static final String DEFAULT_COMPRESSION = "lz4";

  private ProducerSettings() {}

  public static Map<String, Object> of(
      KafkaSettings kafka, String clientId, int batchSize, String compression) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "ipr.ingest.producer.batch-size must be at least 1, was " + batchSize);
    }
    var config = kafka.durableProducerConfig(clientId);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    return config;
  }
}
