package org.iprradar.web.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The one Kafka admin client of the operability pieces (the health check, the lag gauges), with
 * short timeouts so that neither ever hangs on a lost cluster.
 */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
final class OpsAdmin implements AutoCloseable {

  static final int TIMEOUT_MS = 3_000;

  private final Admin admin;

  OpsAdmin(@Value("${kafka.bootstrap-servers}") String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ipr-radar-ops",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
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
