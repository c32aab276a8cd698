package org.iprradar.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.iprradar.detect.operator.PerformanceCalculator;
import org.iprradar.detect.operator.PerformanceReader;
import org.iprradar.detect.operator.RecentListings;
import org.iprradar.detect.operator.RulePerformance;
import org.iprradar.detect.operator.TopicReader;
import org.iprradar.standalone.EmbeddedKafkaBroker;

/**
 * What {@code GET /api/v1/operator/rules/performance} costs on a long leads topic: reading the
 * leads and triage-actions topics whole at every request (as it was), against the follower that
 * reads only what is new. A plain {@code main} on an embedded broker; see docs/BENCHMARKS.md.
 */
public final class PerformanceBenchmark {

  private static final int RULES = 50;

  private PerformanceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int leads = Integer.parseInt(arg(args, "leads", "50000"));
    int actions = Integer.parseInt(arg(args, "actions", String.valueOf(leads / 5)));
    Path dir = Files.createTempDirectory("ipr-performance-bench");
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 3)) {
      var kafka = new KafkaSettings(broker.bootstrapServers(), 3, (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);
      var rules = new ArrayList<Rule>();
      for (int r = 0; r < RULES; r++) {
        rules.add(
            new Rule(
                "rule-" + r,
                1,
                "x",
                InfringementType.COUNTERFEIT_TRADEMARK,
                null,
                40,
                null,
                true,
                ""));
      }
      write(kafka, 0, leads, actions);
      var reader = new TopicReader(kafka, Duration.ofMinutes(5));
      var recent = new RecentListings(0);

      System.out.printf(Locale.ROOT, "leads=%d actions=%d rules=%d%n", leads, actions, RULES);
      List<RulePerformance> whole = null;
      for (int i = 1; i <= 3; i++) {
        long start = System.nanoTime();
        whole = readWhole(reader, rules);
        System.out.printf(Locale.ROOT, "before, read whole #%d: %,d ms%n", i, ms(start));
      }
      long heapBefore = usedHeap();
      try (var follower =
          new PerformanceReader(
              () -> reader.consumer("bench"), Duration.ofMinutes(5), () -> rules, recent)) {
        long start = System.nanoTime();
        var first = follower.read();
        System.out.printf(Locale.ROOT, "after, first request: %,d ms%n", ms(start));
        System.out.printf(
            Locale.ROOT, "after, state kept: about %,d KB%n", (usedHeap() - heapBefore) / 1024);
        check(whole, first);
        for (int i = 1; i <= 3; i++) {
          start = System.nanoTime();
          follower.read();
          System.out.printf(Locale.ROOT, "after, nothing new #%d: %,d ms%n", i, ms(start));
        }
        write(kafka, leads, 500, 100);
        start = System.nanoTime();
        var later = follower.read();
        System.out.printf(Locale.ROOT, "after, 500 new leads and 100 actions: %,d ms%n", ms(start));
        start = System.nanoTime();
        check(readWhole(reader, rules), later);
        System.out.printf(
            Locale.ROOT, "before, read whole with them: %,d ms (same figures)%n", ms(start));
      }
    }
  }

  /** How the endpoint read before: both topics whole, then the calculation. */
  private static List<RulePerformance> readWhole(TopicReader reader, List<Rule> rules) {
    var leads = new ArrayList<Lead>();
    var leadSerde = Topics.LEADS.valueSerde().deserializer();
    for (var r : reader.read(Topics.LEADS.name(), r -> r.value() != null)) {
      leads.add(leadSerde.deserialize(r.topic(), r.value()));
    }
    var actions = new ArrayList<TriageAction>();
    var actionSerde = Topics.TRIAGE_ACTIONS.valueSerde().deserializer();
    for (var r : reader.read(Topics.TRIAGE_ACTIONS.name(), r -> r.value() != null)) {
      actions.add(actionSerde.deserialize(r.topic(), r.value()));
    }
    return PerformanceCalculator.compute(rules, leads, actions, Map.of());
  }

  private static void check(List<RulePerformance> expected, List<RulePerformance> actual) {
    if (!expected.equals(actual)) {
      throw new AssertionError("the follower's figures differ from a whole read");
    }
  }

  /** Leads from {@code from}, 1 to 3 rule signals each, 5,000 sellers; verdicts on some alerts. */
  private static void write(KafkaSettings kafka, int from, int leads, int actions)
      throws Exception {
    try (var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("bench"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      var alerts = new ArrayList<String>();
      for (int i = from; i < from + leads; i++) {
        var signals = new ArrayList<Signal>();
        for (int s = 0; s <= i % 3; s++) {
          signals.add(
              new Signal(
                  SignalType.TEXT_RULE,
                  "rule-" + ((i * 7 + s * 13) % RULES),
                  1,
                  InfringementType.COUNTERFEIT_TRADEMARK,
                  null,
                  30,
                  "",
                  List.of()));
        }
        String listingId = "l" + i;
        var assessment =
            new Assessment(
                Assessment.SCHEMA_VERSION,
                "bench:" + listingId,
                "bench",
                listingId,
                1,
                "title " + i,
                BigDecimal.TEN,
                "s" + (i % 5000),
                "320602",
                "",
                null,
                70,
                InfringementType.COUNTERFEIT_TRADEMARK,
                null,
                true,
                signals,
                Instant.parse("2026-11-01T10:00:00Z").plusSeconds(i * 60L),
                null,
                false,
                null,
                null,
                null);
        Lead lead = Lead.of(assessment);
        if (alerts.size() < 5000) {
          alerts.add(lead.key());
        }
        producer.send(
            new ProducerRecord<>(
                Topics.LEADS.name(), lead.key(), Json.mapper().writeValueAsBytes(lead)));
      }
      for (int i = 0; i < actions; i++) {
        String alert = alerts.get(i % alerts.size());
        var type = i % 4 == 0 ? TriageActionType.DISMISS : TriageActionType.CONFIRM;
        var action =
            new TriageAction(
                alert,
                type,
                "bench",
                Instant.parse("2026-11-29T12:00:00Z"),
                type == TriageActionType.DISMISS ? "genuine" : null,
                null,
                null,
                null,
                null);
        producer.send(
            new ProducerRecord<>(
                Topics.TRIAGE_ACTIONS.name(), alert, Json.mapper().writeValueAsBytes(action)));
      }
      producer.flush();
    }
  }

  private static long usedHeap() {
    System.gc();
    var runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return fallback;
  }
}
