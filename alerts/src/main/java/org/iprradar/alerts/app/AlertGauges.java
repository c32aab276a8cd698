package org.iprradar.alerts.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.iprradar.alerts.store.StoreUnavailableException;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.web.ops.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ipr_alerts} gauge: alerts in the local store per bureau and status, counted every 15
 * seconds rather than at each scrape. It counts the small status store the fold keeps beside the
 * alerts (alert id to bureau and status, in the same transaction), so it never reads or parses the
 * alerts themselves, which cost the stream threads' CPU under load. A bureau and status pair gets
 * its gauge the first time an alert has it (bureaus come from the routing table, so the series are
 * bounded); a pair that empties reads 0.
 */
// Created with the context, so that its task runs from the start.
@Context
final class AlertGauges {

  private static final Logger LOG = LoggerFactory.getLogger(AlertGauges.class);

  private final AlertsService alerts;
  private final MeterRegistry registry;
  private final Set<List<String>> registered = ConcurrentHashMap.newKeySet();
  private volatile Map<List<String>, Long> counts = Map.of();

  /**
   * On the app's own registry, not the global one: the gauge reads this bean, which dies with it.
   */
  AlertGauges(AlertsService alerts, MeterRegistry registry) {
    this.alerts = alerts;
    this.registry = registry;
  }

  private PeriodicTask task;

  @PostConstruct
  void start() {
    task =
        PeriodicTask.start(
            "ipr-alert-gauges", Duration.ofSeconds(5), Duration.ofSeconds(15), this::refresh);
  }

  @PreDestroy
  void stop() {
    task.close();
  }

  void refresh() {
    if (!alerts.streamsApp().readiness().ready()) {
      return;
    }
    var next = new HashMap<List<String>, Long>();
    try {
      alerts
          .queries()
          .statusCountsHere()
          .forEach(
              (bureauAndStatus, count) -> {
                // Status names have no '|'; a bureau id could.
                int bar = bureauAndStatus.lastIndexOf('|');
                next.put(
                    List.of(bureauAndStatus.substring(0, bar), bureauAndStatus.substring(bar + 1)),
                    count);
              });
    } catch (StoreUnavailableException e) {
      LOG.debug("Alert gauges not refreshed: {}", e.getMessage());
      return;
    }
    counts = Map.copyOf(next);
    for (List<String> key : next.keySet()) {
      if (registered.add(key)) {
        Gauge.builder(PipelineMetrics.ALERTS, () -> counts.getOrDefault(key, 0L))
            .description("alerts in the store")
            .tag("bureau", key.get(0))
            .tag("status", key.get(1))
            .register(registry);
      }
    }
  }
}
