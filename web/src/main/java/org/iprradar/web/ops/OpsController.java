package org.iprradar.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /api/v1/ops/summary}: the operator page's figures, read from the meters {@code
 * /prometheus} exposes, so the page and the operator's Prometheus never disagree.
 *
 * <p>Access control does not exist yet (issue 7): when it does, this route and the page are for the
 * operator role only; the check belongs here, on the controller, not in the page.
 */
@Controller("/api/v1/ops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = MeterRegistry.class)
final class OpsController {

  private final MeterRegistry registry;
  private final List<StreamsComponent> components;
  private final Clock clock = Clock.systemUTC();

  OpsController(MeterRegistry registry, List<StreamsComponent> components) {
    this.registry = registry;
    this.components = components;
  }

  @Get("/summary")
  OpsSummary summary() {
    return OpsSummaryBuilder.build(
        List.of(registry, Metrics.globalRegistry),
        components.stream().map(StreamsComponent::streamsApp).toList(),
        clock.instant());
  }
}
