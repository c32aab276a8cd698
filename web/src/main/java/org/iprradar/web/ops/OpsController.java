package org.iprradar.web.ops;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.util.List;
import org.iprradar.web.security.Roles;

/**
 * {@code GET /api/v1/ops/summary}: the operator page's figures, read from the meters {@code
 * /prometheus} exposes, so the page and the operator's Prometheus never disagree.
 *
 * <p>Access control does not exist yet (issue 7): when it does, this route and the page are for the
 * operator role only; the check belongs here, on the controller, not in the page.
 */
@Secured({Roles.OPERATOR, Roles.ADMIN, Roles.SUPERVISOR})
@Controller("/api/v1/ops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = CompositeMeterRegistry.class)
final class OpsController {

  private final CompositeMeterRegistry registry;
  private final List<StreamsComponent> components;
  private final Clock clock = Clock.systemUTC();

  OpsController(CompositeMeterRegistry registry, List<StreamsComponent> components) {
    this.registry = registry;
    this.components = components;
  }

  @Get("/summary")
  OpsSummary summary() {
    // The exporting registries themselves (Prometheus): what /prometheus scrapes, including the
    // pipeline's global meters, which Micrometer registers straight into them.
    return OpsSummaryBuilder.build(
        List.copyOf(registry.getRegistries()),
        components.stream().map(StreamsComponent::streamsApp).toList(),
        clock.instant());
  }
}
