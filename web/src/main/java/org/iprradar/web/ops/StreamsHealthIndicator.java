package org.iprradar.web.ops;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Ready only when every Streams application of the app is RUNNING with its state restored. A
 * readiness check only: during a rebalance the app is briefly not ready (a load balancer stops
 * sending queries it cannot answer) but stays live (nothing restarts it).
 */
@Singleton
@Readiness
final class StreamsHealthIndicator implements HealthIndicator {

  static final String NAME = "kafkaStreams";

  private final List<StreamsComponent> components;

  StreamsHealthIndicator(List<StreamsComponent> components) {
    this.components = components;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    boolean ready = true;
    var details = new LinkedHashMap<String, Object>();
    for (StreamsComponent component : components) {
      var app = component.streamsApp();
      var readiness = app.readiness();
      ready &= readiness.ready();
      details.put(
          app.applicationId(),
          Map.of(
              "state", readiness.state().name(),
              "restoring", readiness.restoring(),
              "ready", readiness.ready()));
    }
    return Publishers.just(
        HealthResult.builder(NAME, ready ? HealthStatus.UP : HealthStatus.DOWN)
            .details(details)
            .build());
  }
}
