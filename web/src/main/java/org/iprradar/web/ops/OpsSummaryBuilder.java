package org.iprradar.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.common.metrics.PipelineMetrics;

/** Reads the operator page's figures from a meter registry. */
final class OpsSummaryBuilder {

  /** How many of the slowest rules the page lists. */
  static final int SLOWEST = 10;

  private OpsSummaryBuilder() {}

  /**
   * @param registries the app's exporting registries, which hold every meter of the app: its own
   *     (HTTP, lag, alert gauges) and the pipeline's global ones
   */
  static OpsSummary build(List<MeterRegistry> registries, List<StreamsApp> apps, Instant at) {
    boolean ready = true;
    var streams = new TreeMap<String, String>();
    for (StreamsApp app : apps) {
      ready &= app.readiness().ready();
      streams.put(
          app.applicationId(),
          app.readiness().state() + (app.readiness().restoring().isEmpty() ? "" : " (restoring)"));
    }
    return new OpsSummary(
        at,
        ready,
        streams,
        counters(registries, PipelineMetrics.RECORDS_IN),
        counters(registries, PipelineMetrics.RECORDS_OUT),
        counters(registries, PipelineMetrics.DEAD_LETTERS),
        lag(registries),
        latency(registries),
        slowestRules(registries),
        counters(registries, PipelineMetrics.LEADS),
        gauges(registries, PipelineMetrics.ALERTS),
        counters(registries, PipelineMetrics.WEBHOOK_DELIVERIES),
        http(registries));
  }

  private static List<Series> counters(List<MeterRegistry> registries, String name) {
    var out = new ArrayList<Series>();
    for (Counter c : find(registries, name, Counter.class)) {
      out.add(new Series(tags(c), c.count()));
    }
    out.sort(BY_TAGS);
    return out;
  }

  private static List<Series> gauges(List<MeterRegistry> registries, String name) {
    var out = new ArrayList<Series>();
    for (Gauge g : find(registries, name, Gauge.class)) {
      if (g.value() > 0) {
        out.add(new Series(tags(g), g.value()));
      }
    }
    out.sort(BY_TAGS);
    return out;
  }

  /** Lag per partition of every consumer group of the app, as {@link ConsumerLag} measures it. */
  private static List<Series> lag(List<MeterRegistry> registries) {
    var out = new ArrayList<Series>();
    for (Gauge g : find(registries, ConsumerLag.NAME, Gauge.class)) {
      out.add(new Series(tags(g), g.value()));
    }
    out.sort(BY_TAGS);
    return out;
  }

  private static Latency latency(List<MeterRegistry> registries) {
    var timers = find(registries, PipelineMetrics.ASSESSMENT_LATENCY, Timer.class);
    if (timers.isEmpty()) {
      return new Latency(0, 0, 0);
    }
    Timer t = timers.get(0);
    return new Latency(t.count(), t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS));
  }

  private static List<RuleTime> slowestRules(List<MeterRegistry> registries) {
    var hits = new TreeMap<String, Double>();
    for (Counter c : find(registries, PipelineMetrics.RULE_HITS, Counter.class)) {
      hits.put(c.getId().getTag("rule"), c.count());
    }
    var out = new ArrayList<RuleTime>();
    for (Timer t : find(registries, PipelineMetrics.RULE_EVALUATION, Timer.class)) {
      String rule = t.getId().getTag("rule");
      out.add(
          new RuleTime(
              rule,
              t.count(),
              hits.getOrDefault(rule, 0.0),
              t.mean(TimeUnit.MICROSECONDS),
              t.max(TimeUnit.MICROSECONDS)));
    }
    out.sort(Comparator.comparingDouble(RuleTime::meanMicros).reversed());
    return out.size() > SLOWEST ? List.copyOf(out.subList(0, SLOWEST)) : out;
  }

  /** Requests per route and status, the operator page's own polls left out. */
  private static List<Series> http(List<MeterRegistry> registries) {
    var out = new ArrayList<Series>();
    for (Timer t : find(registries, "http.server.requests", Timer.class)) {
      var tags = new LinkedHashMap<String, String>();
      tags.put("method", t.getId().getTag("method"));
      tags.put("uri", t.getId().getTag("uri"));
      tags.put("status", t.getId().getTag("status"));
      out.add(new Series(tags, t.count()));
    }
    out.sort(BY_TAGS);
    return out;
  }

  /** The meters of that name and type in any of the registries, each id once. */
  private static <M extends Meter> List<M> find(
      List<MeterRegistry> registries, String name, Class<M> type) {
    var found = new LinkedHashMap<Meter.Id, M>();
    for (MeterRegistry registry : registries) {
      for (Meter meter : registry.find(name).meters()) {
        if (type.isInstance(meter)) {
          found.putIfAbsent(meter.getId(), type.cast(meter));
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static Map<String, String> tags(Meter meter) {
    var tags = new LinkedHashMap<String, String>();
    for (Tag tag : meter.getId().getTags()) {
      tags.put(tag.getKey(), tag.getValue());
    }
    return tags;
  }

  private static final Comparator<Series> BY_TAGS = Comparator.comparing(s -> s.tags().toString());
}
