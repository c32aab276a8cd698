package org.iprradar.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.iprradar.common.metrics.PipelineMetrics;

/**
 * Joins the app's meter registry (the one {@code /prometheus} scrapes) to Micrometer's global
 * registry, where the topologies and Kafka clients record (see {@link PipelineMetrics}), and leaves
 * it when the app stops, so that a second app in the same JVM (tests) starts clean.
 */
@Context
@Requires(beans = MeterRegistry.class)
final class GlobalMeters implements AutoCloseable {

  private final MeterRegistry registry;

  GlobalMeters(MeterRegistry registry) {
    this.registry = registry;
    Metrics.addRegistry(registry);
  }

  @PreDestroy
  @Override
  public void close() {
    Metrics.removeRegistry(registry);
  }
}
