package org.iprradar.web.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;

/**
 * Ready only when the Kafka cluster answers: asks it for its brokers, with a short timeout so that
 * a health check never hangs on a lost cluster.
 */
@Singleton
@Readiness
@Requires(beans = OpsAdmin.class)
final class KafkaHealthIndicator implements HealthIndicator {

  static final String NAME = "kafka";
  private static final int TIMEOUT_MS = OpsAdmin.TIMEOUT_MS;

  private final Admin admin;

  KafkaHealthIndicator(OpsAdmin admin) {
    this.admin = admin.admin();
  }

  @Override
  public Publisher<HealthResult> getResult() {
    HealthResult result;
    try {
      var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
      int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
      String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      result =
          HealthResult.builder(NAME, brokers > 0 ? HealthStatus.UP : HealthStatus.DOWN)
              .details(Map.of("brokers", brokers, "clusterId", clusterId))
              .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = down("interrupted");
    } catch (ExecutionException | TimeoutException e) {
      result = down(e.getCause() != null ? e.getCause().toString() : e.toString());
    }
    return Publishers.just(result);
  }

  private static HealthResult down(String error) {
    return HealthResult.builder(NAME, HealthStatus.DOWN).details(Map.of("error", error)).build();
  }
}
