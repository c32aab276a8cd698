package org.iprradar.detect.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

/** Rule precision from a known set of analysts' verdicts. */
class PerformanceCalculatorTest {

  private final List<Lead> leads = new ArrayList<>();
  private final List<TriageAction> actions = new ArrayList<>();
  private int listings;

  private static Rule rule(String id) {
    return new Rule(id, 1, "x", InfringementType.COUNTERFEIT_TRADEMARK, null, 40, null, true, "");
  }

  /** A lead of seller {@code seller} whose listing carries signals of {@code ruleIds}. */
  private String lead(String seller, String day, String... ruleIds) {
    var signals = new ArrayList<Signal>();
    for (String id : ruleIds) {
      signals.add(
          new Signal(
              SignalType.TEXT_RULE,
              id,
              1,
              InfringementType.COUNTERFEIT_TRADEMARK,
              null,
              30,
              "",
              List.of()));
    }
    String listingId = "l" + listings++;
    var assessment =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:" + listingId,
            "taobao",
            listingId,
            1,
            "title",
            BigDecimal.TEN,
            seller,
            "320602",
            "",
            null,
            70,
            InfringementType.COUNTERFEIT_TRADEMARK,
            null,
            true,
            signals,
            Instant.parse(day + "T10:00:00Z"),
            null,
            false,
            null,
            null,
            null);
    Lead lead = Lead.of(assessment);
    leads.add(lead);
    return lead.key();
  }

  private void act(String alertId, TriageActionType type) {
    actions.add(
        new TriageAction(
            alertId,
            type,
            "analyst",
            Instant.parse("2026-11-29T12:00:00Z"),
            type == TriageActionType.DISMISS ? "genuine" : null,
            null,
            null,
            null,
            null));
  }

  @Test
  void precisionIsConfirmedOverConfirmedAndDismissedAmongTheAlertsARuleContributedTo() {
    // "good": four alerts; three confirmed (one of them then closed), one dismissed.
    for (int i = 0; i < 4; i++) {
      String alert = lead("s" + i, "2026-11-2" + (i % 2), "good");
      act(alert, i == 3 ? TriageActionType.DISMISS : TriageActionType.CONFIRM);
      if (i == 0) {
        act(alert, TriageActionType.CLOSE);
      }
    }
    // "noisy": two alerts, both dismissed; a third, still open, has no verdict.
    act(lead("n1", "2026-11-21", "noisy"), TriageActionType.DISMISS);
    String reconsidered = lead("n2", "2026-11-21", "noisy");
    act(reconsidered, TriageActionType.CONFIRM);
    act(reconsidered, TriageActionType.DISMISS);
    lead("n3", "2026-11-22", "noisy");
    // "silent" never fires.

    var figures =
        PerformanceCalculator.compute(
            List.of(rule("good"), rule("noisy"), rule("silent")), leads, actions, Map.of());

    assertEquals(
        List.of("silent", "noisy", "good"), figures.stream().map(RulePerformance::ruleId).toList());
    Map<String, RulePerformance> byId =
        figures.stream().collect(Collectors.toMap(RulePerformance::ruleId, Function.identity()));
    var good = byId.get("good");
    assertEquals(4, good.alerts());
    assertEquals(3, good.confirmed());
    assertEquals(1, good.dismissed());
    assertEquals(0.75, good.precision(), 1e-9);
    assertEquals("OK", good.flag());
    assertEquals(new TreeMap<>(Map.of("2026-11-20", 2, "2026-11-21", 2)), good.hitsByDay());
    var noisy = byId.get("noisy");
    assertEquals(3, noisy.alerts());
    assertEquals(0, noisy.confirmed());
    assertEquals(2, noisy.dismissed());
    assertEquals(0.0, noisy.precision(), 1e-9);
    assertEquals("MOSTLY_DISMISSED", noisy.flag());
    var silent = byId.get("silent");
    assertEquals("NEVER_FIRED", silent.flag());
    assertEquals(0, silent.hits());
    assertNull(silent.precision());
  }

  @Test
  void aListingVersionSeenTwiceCountsOnceAndSeveralListingsOfOneSellerAreOneAlert() {
    String alert = lead("s1", "2026-11-20", "good");
    leads.add(leads.get(0));
    lead("s1", "2026-11-20", "good");
    act(alert, TriageActionType.CONFIRM);

    var good =
        PerformanceCalculator.compute(List.of(rule("good")), leads, actions, Map.of()).get(0);

    assertEquals(2, good.hits());
    assertEquals(1, good.alerts());
    assertEquals(1.0, good.precision(), 1e-9);
  }

  @Test
  void aRuleThatHitsRecentListingsBelowTheThresholdHasFiredThoughItMadeNoLead() {
    var figures =
        PerformanceCalculator.compute(
            List.of(rule("weak"), rule("silent")), leads, actions, Map.of("weak", 7));

    assertEquals(List.of("silent", "weak"), figures.stream().map(RulePerformance::ruleId).toList());
    assertEquals("NO_VERDICTS", figures.get(1).flag());
    assertEquals(7, figures.get(1).recentHits());
    assertEquals(0, figures.get(1).hits());
  }

  /**
   * The follower that serves the API reads only what is new at each request, and answers what
   * reading both topics whole would: after the first half of the verdicts, and after the rest.
   */
  @Test
  void theFollowerAddsOnlyWhatIsNewAndAgreesWithAReadOfTheWholeTopics() {
    for (int i = 0; i < 6; i++) {
      String alert = lead("s" + i, "2026-11-2" + (i % 3), "good", i % 2 == 0 ? "noisy" : "good");
      act(alert, i % 3 == 0 ? TriageActionType.DISMISS : TriageActionType.CONFIRM);
    }
    var consumer = new MockConsumer<String, byte[]>(OffsetResetStrategy.EARLIEST);
    var leadsPartition = new TopicPartition(Topics.LEADS.name(), 0);
    var actionsPartition = new TopicPartition(Topics.TRIAGE_ACTIONS.name(), 0);
    consumer.updatePartitions(
        Topics.LEADS.name(), List.of(new PartitionInfo(Topics.LEADS.name(), 0, null, null, null)));
    consumer.updatePartitions(
        Topics.TRIAGE_ACTIONS.name(),
        List.of(new PartitionInfo(Topics.TRIAGE_ACTIONS.name(), 0, null, null, null)));
    consumer.updateBeginningOffsets(Map.of(leadsPartition, 0L, actionsPartition, 0L));
    var rules = List.of(rule("good"), rule("noisy"), rule("silent"));
    var reader =
        new PerformanceReader(
            () -> consumer, Duration.ofSeconds(5), () -> rules, new RecentListings(0));
    long[] next = {0, 0};
    java.util.function.IntConsumer feed =
        upTo -> {
          consumer.schedulePollTask(
              () -> {
                for (; next[0] < upTo; next[0]++) {
                  consumer.addRecord(
                      new ConsumerRecord<>(
                          Topics.LEADS.name(), 0, next[0], null, bytes(leads.get((int) next[0]))));
                }
                for (; next[1] < upTo; next[1]++) {
                  consumer.addRecord(
                      new ConsumerRecord<>(
                          Topics.TRIAGE_ACTIONS.name(),
                          0,
                          next[1],
                          null,
                          bytes(actions.get((int) next[1]))));
                }
              });
          consumer.updateEndOffsets(
              Map.of(leadsPartition, (long) upTo, actionsPartition, (long) upTo));
        };

    feed.accept(3);
    assertEquals(
        PerformanceCalculator.compute(rules, leads.subList(0, 3), actions.subList(0, 3), Map.of()),
        reader.read());
    feed.accept(6);
    var figures = reader.read();

    assertEquals(PerformanceCalculator.compute(rules, leads, actions, Map.of()), figures);
    var good = figures.stream().filter(f -> f.ruleId().equals("good")).findFirst().orElseThrow();
    assertEquals(6, good.hits());
    assertEquals(4, good.confirmed());
    assertEquals(2, good.dismissed());
    var noisy = figures.stream().filter(f -> f.ruleId().equals("noisy")).findFirst().orElseThrow();
    assertEquals(2, noisy.confirmed());
    assertEquals(1, noisy.dismissed());
    assertEquals(2.0 / 3, noisy.precision(), 1e-9);
    reader.close();
  }

  private static byte[] bytes(Object value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
