package org.iprradar.web.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operator page's figures, read from the same meters {@code /prometheus} exposes: counters are
 * totals since start (the page turns two readings into rates), gauges are current values.
 *
 * @param ready whether every Streams application is RUNNING with its state restored
 * @param streams each Streams application's state
 * @param lag records behind the end of each partition, per consumer client
 */
// Micronaut leaves empty values out by default; the page expects every list, empty or not.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OpsSummary(
    Instant at,
    boolean ready,
    Map<String, String> streams,
    List<Series> recordsIn,
    List<Series> recordsOut,
    List<Series> deadLetters,
    List<Series> lag,
    Latency assessmentLatency,
    List<RuleTime> slowestRules,
    List<Series> leads,
    List<Series> alerts,
    List<Series> webhooks,
    List<Series> http) {}
