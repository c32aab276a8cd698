package org.iprradar.web.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;

/**
 * The one Kafka admin client of the operability pieces (the health check, the lag gauges), with
 * short timeouts so that neither ever hangs on a lost cluster.
 */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
final class OpsAdmin implements AutoCloseable {

  static final int TIMEOUT_MS = 3_000;

  private final Admin admin;

  OpsAdmin(KafkaSecurity security, @Value("${kafka.bootstrap-servers}") String bootstrapServers) {
    var config =
        new KafkaSettings(bootstrapServers, 1, (short) 1, security.clientOverrides())
            .clientConfig();
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ipr-radar-ops");
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.admin = Admin.create(config);
  }

  Admin admin() {
    return admin;
  }

  @PreDestroy
  @Override
  public void close() {
    admin.close();
  }
}
