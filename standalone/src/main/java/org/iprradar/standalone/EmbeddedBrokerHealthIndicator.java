package org.iprradar.standalone;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;

/**
 * The embedded broker in standalone's health: running or not, where its data is and how much disk
 * is left there (a full disk stops the broker, and with it the whole pipeline). Whether clients
 * reach it is the {@code kafka} check's job.
 */
@Singleton
@Readiness
@Requires(beans = EmbeddedKafkaBroker.class)
final class EmbeddedBrokerHealthIndicator implements HealthIndicator {

  private final EmbeddedKafkaBroker broker;

  EmbeddedBrokerHealthIndicator(EmbeddedKafkaBroker broker) {
    this.broker = broker;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    var details = new LinkedHashMap<String, Object>();
    details.put("bootstrapServers", broker.bootstrapServers());
    details.put("dataDir", broker.logDir().toAbsolutePath().toString());
    try {
      details.put("usableBytes", Files.getFileStore(broker.logDir()).getUsableSpace());
    } catch (IOException e) {
      details.put("usableBytes", "unknown: " + e.getMessage());
    }
    return Publishers.just(
        HealthResult.builder(
                "embeddedKafka", broker.isRunning() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(details)
            .build());
  }
}
