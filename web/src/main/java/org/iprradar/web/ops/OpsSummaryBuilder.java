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

  /** Kafka's consumer metric of records behind the partition's end, as Micrometer names it. */
  static final String RECORDS_LAG = "kafka.consumer.fetch.manager.records.lag";

  /** How many of the slowest rules the page lists. */
  static final int SLOWEST = 10;

  private OpsSummaryBuilder() {}

  static OpsSummary build(MeterRegistry registry, List<StreamsApp> apps, Instant at) {
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
        counters(registry, PipelineMetrics.RECORDS_IN),
        counters(registry, PipelineMetrics.RECORDS_OUT),
        counters(registry, PipelineMetrics.DEAD_LETTERS),
        lag(registry),
        latency(registry),
        slowestRules(registry),
        counters(registry, PipelineMetrics.LEADS),
        gauges(registry, PipelineMetrics.ALERTS),
        counters(registry, PipelineMetrics.WEBHOOK_DELIVERIES),
        http(registry));
  }

  private static List<Series> counters(MeterRegistry registry, String name) {
    var out = new ArrayList<Series>();
    for (Counter c : registry.find(name).counters()) {
      out.add(new Series(tags(c), c.count()));
    }
    out.sort(BY_TAGS);
    return out;
  }

  private static List<Series> gauges(MeterRegistry registry, String name) {
    var out = new ArrayList<Series>();
    for (Gauge g : registry.find(name).gauges()) {
      if (g.value() > 0) {
        out.add(new Series(tags(g), g.value()));
      }
    }
    out.sort(BY_TAGS);
    return out;
  }

  /** Lag per partition, for every consumer that reports it; NaN (not assigned yet) left out. */
  private static List<Series> lag(MeterRegistry registry) {
    var out = new ArrayList<Series>();
    for (Gauge g : registry.find(RECORDS_LAG).gauges()) {
      var tags = tags(g);
      if (tags.containsKey("partition") && !Double.isNaN(g.value())) {
        var kept = new LinkedHashMap<String, String>();
        for (String key : List.of("application", "client.id", "topic", "partition")) {
          if (tags.containsKey(key)) {
            kept.put(key, tags.get(key));
          }
        }
        out.add(new Series(kept, g.value()));
      }
    }
    out.sort(BY_TAGS);
    return out;
  }

  private static Latency latency(MeterRegistry registry) {
    Timer t = registry.find(PipelineMetrics.ASSESSMENT_LATENCY).timer();
    if (t == null) {
      return new Latency(0, 0, 0);
    }
    return new Latency(t.count(), t.mean(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS));
  }

  private static List<RuleTime> slowestRules(MeterRegistry registry) {
    var hits = new TreeMap<String, Double>();
    for (Counter c : registry.find(PipelineMetrics.RULE_HITS).counters()) {
      hits.put(c.getId().getTag("rule"), c.count());
    }
    var out = new ArrayList<RuleTime>();
    for (Timer t : registry.find(PipelineMetrics.RULE_EVALUATION).timers()) {
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
  private static List<Series> http(MeterRegistry registry) {
    var out = new ArrayList<Series>();
    for (Timer t : registry.find("http.server.requests").timers()) {
      var tags = new LinkedHashMap<String, String>();
      tags.put("method", t.getId().getTag("method"));
      tags.put("uri", t.getId().getTag("uri"));
      tags.put("status", t.getId().getTag("status"));
      out.add(new Series(tags, t.count()));
    }
    out.sort(BY_TAGS);
    return out;
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
