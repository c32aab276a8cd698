package org.iprradar.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's own meters, named once here so that the code that records them, the operator page
 * and docs/OPERATIONS.md agree. Every tag value is bounded: topics and applications are the
 * pipeline's own, a reason goes through {@link ReasonTag}, a rule id is tagged only once the rule
 * has fired (at most the size of the rule book), bureaus come from the routing table.
 */
public final class PipelineMetrics {

  /** Records read, per application and topic: {@code ipr_records_in_total}. */
  public static final String RECORDS_IN = "ipr.records.in";

  /** Records written, per application and topic: {@code ipr_records_out_total}. */
  public static final String RECORDS_OUT = "ipr.records.out";

  /**
   * Records given up on, per application, source topic and reason: {@code ipr_dead_letters_total}.
   */
  public static final String DEAD_LETTERS = "ipr.dead.letters";

  /** From a listing's observation (else its ingestion) to its assessment, a histogram. */
  public static final String ASSESSMENT_LATENCY = "ipr.assessment.latency";

  /** Time to verify one rule against one listing, per rule that has fired. */
  public static final String RULE_EVALUATION = "ipr.rule.evaluation";

  /** Listings a rule matched, per rule. */
  public static final String RULE_HITS = "ipr.rule.hits";

  /** Leads folded into alerts, per bureau they were routed to. */
  public static final String LEADS = "ipr.leads";

  /** Alerts in the store, per bureau and status (a gauge). */
  public static final String ALERTS = "ipr.alerts";

  /** Webhook deliveries, per outcome ({@code delivered}, {@code failed}, {@code retried}). */
  public static final String WEBHOOK_DELIVERIES = "ipr.webhook.deliveries";

  private static final ReasonTag REASONS = new ReasonTag();
  private static final Map<List<String>, Counter> COUNTERS = new ConcurrentHashMap<>();
  private static final Map<String, Timer> FIRED_RULES = new ConcurrentHashMap<>();
  // The counters of every record and rule hit, by application then topic, and by rule: looked up
  // without building a key, as the generic map must (that was a fiftieth of detect's time).
  private static final Map<String, Map<String, Counter>> IN = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, Counter>> OUT = new ConcurrentHashMap<>();
  private static final Map<String, Counter> HITS = new ConcurrentHashMap<>();
  private static final Map<String, RuleMeter> RULE_METERS = new ConcurrentHashMap<>();
  private static volatile Timer latency;

  private PipelineMetrics() {}

  /** The registry every meter here is kept in; an application adds its own registry to it. */
  public static MeterRegistry registry() {
    return Metrics.globalRegistry;
  }

  public static void recordIn(String application, String topic) {
    byTopic(IN, RECORDS_IN, application, topic).increment();
  }

  public static void recordsOut(String application, String topic, int count) {
    byTopic(OUT, RECORDS_OUT, application, topic).increment(count);
  }

  private static Counter byTopic(
      Map<String, Map<String, Counter>> counters, String name, String application, String topic) {
    Map<String, Counter> ofApplication = counters.get(application);
    if (ofApplication == null) {
      ofApplication = counters.computeIfAbsent(application, a -> new ConcurrentHashMap<>());
    }
    Counter counter = ofApplication.get(topic);
    if (counter == null) {
      counter =
          ofApplication.computeIfAbsent(
              topic, t -> counter(name, "application", application, "topic", t));
    }
    return counter;
  }

  /**
   * Counts a dead letter. The reason is cut to its leading words (see {@link ReasonTag}); the full
   * reason is in the dead letter's headers and the log.
   */
  public static void deadLetter(String application, String sourceTopic, String reason) {
    counter(
            DEAD_LETTERS,
            "application",
            application,
            "topic",
            sourceTopic,
            "reason",
            REASONS.of(reason))
        .increment();
  }

  /** Records how long a listing took from observation to assessment; a negative age is skipped. */
  public static void assessmentLatency(Duration age) {
    if (age.isNegative()) {
      return;
    }
    Timer timer = latency;
    if (timer == null) {
      timer =
          Timer.builder(ASSESSMENT_LATENCY)
              .description("listing observed (or ingested) to assessment")
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofHours(1))
              .register(registry());
      latency = timer;
    }
    timer.record(age);
  }

  /**
   * Records one rule's verification against one listing. Its time is kept per rule from the rule's
   * first hit on, so the series grow with the rules that fire, not with the rule book.
   */
  public static void ruleEvaluated(String ruleId, long nanos, boolean hit) {
    ruleMeter(ruleId).evaluated(nanos, hit);
  }

  /** The meters of one rule, to record its verifications without a lookup by id each time. */
  public static RuleMeter ruleMeter(String ruleId) {
    RuleMeter meter = RULE_METERS.get(ruleId);
    return meter != null ? meter : RULE_METERS.computeIfAbsent(ruleId, RuleMeter::new);
  }

  static Timer ruleTimer(String ruleId) {
    return FIRED_RULES.computeIfAbsent(
        ruleId,
        id ->
            Timer.builder(RULE_EVALUATION)
                .description("time to verify the rule against one listing")
                .tag("rule", id)
                .register(registry()));
  }

  static Counter ruleHits(String ruleId) {
    return HITS.computeIfAbsent(ruleId, id -> counter(RULE_HITS, "rule", id));
  }

  public static void lead(String bureau) {
    counter(LEADS, "bureau", bureau).increment();
  }

  public static void webhookDelivery(String outcome) {
    counter(WEBHOOK_DELIVERIES, "outcome", outcome).increment();
  }

  private static Counter counter(String name, String... tags) {
    var key = new ArrayList<String>(tags.length + 1);
    key.add(name);
    key.addAll(List.of(tags));
    return COUNTERS.computeIfAbsent(
        key, k -> Counter.builder(name).tags(tags).register(registry()));
  }
}
