package org.iprradar.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
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
@Requires(beans = CompositeMeterRegistry.class)
final class GlobalMeters implements AutoCloseable {

  private final MeterRegistry registry;

  /**
   * The composite, which every exporting registry (Prometheus) belongs to and which the operator
   * page reads; not a bare {@code MeterRegistry}, which may resolve to the Prometheus one alone.
   */
  GlobalMeters(CompositeMeterRegistry registry) {
    this.registry = registry;
    Metrics.addRegistry(registry);
  }

  @PreDestroy
  @Override
  public void close() {
    Metrics.removeRegistry(registry);
  }
}
