package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.json.Json;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.AuditEntry;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.DeliveryState;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, Lead> leads;
  private TestInputTopic<String, TriageAction> actions;
  private KeyValueStore<String, Alert> store;

  @BeforeEach
  void setUp() throws IOException {
    var router = new Router(RoutingTableLoader.load("classpath:config/routing.yaml"));
    driver = TestDrivers.start(AlertsTopology.build(new AlertFolder(router)), "alerts-test");
    leads =
        driver.createInputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().serializer(),
            Topics.LEADS.valueSerde().serializer());
    actions =
        driver.createInputTopic(
            Topics.TRIAGE_ACTIONS.name(),
            Topics.TRIAGE_ACTIONS.keySerde().serializer(),
            Topics.TRIAGE_ACTIONS.valueSerde().serializer());
    store = driver.getKeyValueStore(AlertsTopology.STORE);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(Lead lead) {
    leads.pipeInput(lead.key(), lead);
  }

  @Test
  void shouldRouteANewLeadToItsBureauAndJurisdiction() {
    send(Leads.lead("l1", "s1", "320602", InfringementType.PIRACY_COPYRIGHT, "books", 80, T0));

    Alert alert = store.get("taobao:s1:PIRACY_COPYRIGHT");
    assertEquals("COPYRIGHT", alert.bureau().id());
    assertEquals("崇川区", alert.jurisdictionName());
    assertEquals(AlertStatus.OPEN, alert.status());
    assertEquals(80.0, alert.score());
  }

  @Test
  void shouldFoldNewEvidenceOfTheSameSellerIntoTheOpenAlert() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    send(Leads.lead("l1", "s1", "320612", type, "footwear", 70, T0)); // first listing
    send(Leads.lead("l2", "s1", "320612", type, "footwear", 90, T0.plusSeconds(60))); // second
    send(Leads.lead("l1", "s1", "320612", type, "footwear", 75, T0.plusSeconds(120))); // l1 again

    Alert alert = store.get("taobao:s1:COUNTERFEIT_TRADEMARK");
    assertEquals(
        java.util.List.of("taobao:l1", "taobao:l2"),
        alert.listings().stream().map(a -> a.listingKey()).toList());
    assertEquals(
        75.0, alert.listings().get(0).score(), "l1's newest assessment replaced its first");
    assertEquals(90.0, alert.score());
    assertEquals(T0, alert.createdAt());
    assertEquals(T0.plusSeconds(120), alert.updatedAt());
    try (var all = store.all()) {
      int count = 0;
      while (all.hasNext()) {
        all.next();
        count++;
      }
      assertEquals(1, count, "one alert per seller and type");
    }
  }

  @Test
  void shouldKeepDifferentInfringementTypesOfOneSellerApart() {
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));
    send(Leads.lead("l2", "s1", "320602", InfringementType.PIRACY_COPYRIGHT, null, 70, T0));

    assertEquals("MARKET_SUPERVISION", store.get("taobao:s1:COUNTERFEIT_TRADEMARK").bureau().id());
    assertEquals("COPYRIGHT", store.get("taobao:s1:PIRACY_COPYRIGHT").bureau().id());
  }

  @Test
  void shouldDeadLetterAnUnreadableLeadAndGoOn() {
    var raw =
        driver.createInputTopic(
            Topics.LEADS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    raw.pipeInput("taobao:s9:COUNTERFEIT_TRADEMARK", "[1,2".getBytes(StandardCharsets.UTF_8));
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));

    var deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS.name(),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
    var dead = deadLetters.readRecord();
    assertEquals("taobao:s9:COUNTERFEIT_TRADEMARK", dead.key());
    assertTrue(DeadLetters.header(dead.headers(), DeadLetters.REASON).contains("Lead"));
    assertEquals(Topics.LEADS.name(), DeadLetters.header(dead.headers(), DeadLetters.SOURCE_TOPIC));
    assertEquals("0", DeadLetters.header(dead.headers(), DeadLetters.SOURCE_PARTITION));
    assertEquals("0", DeadLetters.header(dead.headers(), DeadLetters.SOURCE_OFFSET));
    assertNull(store.get("taobao:s9:COUNTERFEIT_TRADEMARK"));
    assertEquals(70.0, store.get("taobao:s1:COUNTERFEIT_TRADEMARK").score());
  }

  @Test
  void shouldPublishEveryNewVersionOfAnAlertForDeliveryButNotRefusedEvents() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";
    send(Leads.lead("l1", "s1", "320602", type, null, 70, T0));
    act(action(id, TriageActionType.CLOSE, T0.plusSeconds(10))); // refused: OPEN cannot close
    act(action(id, TriageActionType.ASSIGN, T0.plusSeconds(20)));

    var versions =
        driver
            .createOutputTopic(
                Topics.ALERT_DELIVERIES.name(),
                Topics.ALERT_DELIVERIES.keySerde().deserializer(),
                Topics.ALERT_DELIVERIES.valueSerde().deserializer())
            .readKeyValuesToList();
    assertEquals(2, versions.size());
    assertEquals(id, versions.get(0).key);
    assertEquals(AlertStatus.OPEN, versions.get(0).value.status());
    assertEquals(AlertStatus.ASSIGNED, versions.get(1).value.status());
    assertEquals(store.get(id), versions.get(1).value);
  }

  @Test
  void shouldKeepEachAlertsBureauAndStatusForTheGaugeAsItChanges() throws IOException {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    KeyValueStore<String, String> statuses = driver.getKeyValueStore(AlertsTopology.STATUS_STORE);
    String s1 = "taobao:s1:COUNTERFEIT_TRADEMARK";
    String s2 = "taobao:s2:PIRACY_COPYRIGHT";
    send(Leads.lead("l1", "s1", "320602", type, "luxury_bags", 80, T0));
    send(Leads.lead("l2", "s2", "320602", InfringementType.PIRACY_COPYRIGHT, "books", 80, T0));
    send(Leads.lead("l3", "s1", "320602", type, "luxury_bags", 85, T0.plusSeconds(5)));
    act(action(s1, TriageActionType.ASSIGN, T0.plusSeconds(10)));
    act(action(s1, TriageActionType.CLOSE, T0.plusSeconds(20))); // refused: changes nothing

    assertEquals(store.get(s1).bureau().id() + "|ASSIGNED", statuses.get(s1), "follows the action");
    assertEquals("COPYRIGHT|OPEN", statuses.get(s2));
    try (var all = statuses.all()) {
      int count = 0;
      while (all.hasNext()) {
        all.next();
        count++;
      }
      assertEquals(2, count, "one entry per alert");
    }
  }

  @Test
  void shouldFillTheStatusStoreFromAlertsStoredBeforeItExisted() throws IOException {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    // An alert store written by a version without the status store: the alert is there, its
    // status is not.
    var folder =
        new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    Alert old = folder.fold(Leads.lead("l1", "s1", "320602", type, "luxury_bags", 80, T0), null);
    driver
        .<String, Alert>getTimestampedKeyValueStore(AlertsTopology.STORE)
        .put(old.id(), ValueAndTimestamp.make(old, T0.toEpochMilli()));
    KeyValueStore<String, String> statuses = driver.getKeyValueStore(AlertsTopology.STATUS_STORE);
    assertNull(statuses.get(old.id()));

    send(Leads.lead("l2", "s2", "320602", InfringementType.PIRACY_COPYRIGHT, "books", 80, T0));

    assertEquals(old.bureau().id() + "|OPEN", statuses.get(old.id()));
    assertEquals("COPYRIGHT|OPEN", statuses.get("taobao:s2:PIRACY_COPYRIGHT"));
  }

  private static TriageAction action(String alertId, TriageActionType type, Instant at) {
    return new TriageAction(
        alertId,
        type,
        "analyst-1",
        at,
        type == TriageActionType.DISMISS ? "a licensed reseller" : null,
        type == TriageActionType.ASSIGN ? "analyst-2" : null,
        null,
        null);
  }

  private void act(TriageAction action) {
    actions.pipeInput(action.alertId(), action);
  }

  private TestOutputTopic<String, byte[]> deadLetters() {
    return driver.createOutputTopic(
        Topics.DEAD_LETTERS.name(),
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  @Test
  void shouldMoveAnAlertThroughItsActionsAndRecordEachInItsHistory() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    send(Leads.lead("l1", "s1", "320602", type, "luxury_bags", 80, T0));
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";

    act(action(id, TriageActionType.ASSIGN, T0.plusSeconds(10)));
    act(action(id, TriageActionType.CONFIRM, T0.plusSeconds(20)));

    Alert alert = store.get(id);
    assertEquals(AlertStatus.CONFIRMED, alert.status());
    assertEquals(
        List.of(TriageActionType.ASSIGN, TriageActionType.CONFIRM),
        alert.history().stream().map(AuditEntry::action).toList());
    var assign = alert.history().get(0);
    assertEquals("analyst-1", assign.actor());
    assertEquals("analyst-2", assign.assignee());
    assertEquals(AlertStatus.OPEN, assign.from());
    assertEquals(AlertStatus.ASSIGNED, assign.to());
    assertEquals(T0.plusSeconds(20), alert.updatedAt());
    assertTrue(deadLetters().isEmpty());
  }

  @Test
  void shouldDeadLetterAnIllegalOrUnknownOrUnreadableActionAndGoOn() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    send(Leads.lead("l1", "s1", "320602", type, null, 80, T0));
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";

    act(action(id, TriageActionType.CLOSE, T0.plusSeconds(10))); // OPEN cannot be closed
    act(action("taobao:nobody:COUNTERFEIT_TRADEMARK", TriageActionType.CONFIRM, T0));
    var raw =
        driver.createInputTopic(
            Topics.TRIAGE_ACTIONS.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    raw.pipeInput(id, "{\"alertId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    act(action(id, TriageActionType.DISMISS, T0.plusSeconds(30)));

    var dead = deadLetters().readRecordsToList();
    assertEquals(3, dead.size());
    assertEquals(id, dead.get(0).key());
    assertTrue(
        DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON)
            .contains("CLOSE is not allowed"),
        DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON));
    assertEquals(
        Topics.TRIAGE_ACTIONS.name(),
        DeadLetters.header(dead.get(0).headers(), DeadLetters.SOURCE_TOPIC));
    assertTrue(DeadLetters.header(dead.get(1).headers(), DeadLetters.REASON).contains("no alert"));
    assertTrue(
        DeadLetters.header(dead.get(2).headers(), DeadLetters.REASON).contains("TriageAction"));
    // Where each came from: the three actions are the topic's first three records.
    for (int i = 0; i < 3; i++) {
      assertEquals("0", DeadLetters.header(dead.get(i).headers(), DeadLetters.SOURCE_PARTITION));
      assertEquals(
          String.valueOf(i), DeadLetters.header(dead.get(i).headers(), DeadLetters.SOURCE_OFFSET));
      assertEquals(
          Topics.TRIAGE_ACTIONS.name(),
          DeadLetters.header(dead.get(i).headers(), DeadLetters.SOURCE_TOPIC));
    }
    assertNull(store.get("taobao:nobody:COUNTERFEIT_TRADEMARK"));

    Alert alert = store.get(id);
    assertEquals(AlertStatus.DISMISSED, alert.status());
    assertEquals(1, alert.history().size(), "refused actions leave no history");
    assertEquals("a licensed reseller", alert.history().get(0).reason());
  }

  @Test
  void shouldKeepStatusAndHistoryWhenNewEvidenceArrives() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    send(Leads.lead("l1", "s1", "320602", type, null, 70, T0));
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";
    act(action(id, TriageActionType.CONFIRM, T0.plusSeconds(10)));

    send(Leads.lead("l2", "s1", "320602", type, null, 95, T0.plusSeconds(60)));

    Alert alert = store.get(id);
    assertEquals(AlertStatus.CONFIRMED, alert.status());
    assertEquals(1, alert.history().size());
    assertEquals(TriageActionType.CONFIRM, alert.history().get(0).action());
    assertEquals(2, alert.listings().size());
    assertEquals(95.0, alert.score());
  }

  @Test
  void shouldReadAnAlertWrittenBeforeTriageAsHavingNoHistory() throws IOException {
    var alert = store.get(storeOne());
    byte[] json = new JsonSerde<>(Alert.class).write(alert);
    var tree = (ObjectNode) Json.mapper().readTree(json);
    tree.remove("history");

    Alert old = new JsonSerde<>(Alert.class).read(Json.mapper().writeValueAsBytes(tree));

    assertEquals(List.of(), old.history());
    assertEquals(alert, old);
  }

  private String storeOne() {
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));
    return "taobao:s1:COUNTERFEIT_TRADEMARK";
  }

  @Test
  void shouldApplyARepeatedRequestIdOnceAndNotDeliverItAgain() {
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));
    act(withRequestId(action(id, TriageActionType.NOTE, "first"), "req-1")); // first
    act(withRequestId(action(id, TriageActionType.NOTE, "first"), "req-1")); // client retry
    act(withRequestId(action(id, TriageActionType.NOTE, "second"), "req-2")); // a new request
    act(action(id, TriageActionType.NOTE, "no id")); // no id: always applied
    act(action(id, TriageActionType.NOTE, "no id"));

    var history = store.get(id).history();
    assertEquals(
        List.of("first", "second", "no id", "no id"),
        history.stream().map(AuditEntry::reason).toList());
    assertEquals("req-1", history.get(0).requestId());
    var versions =
        driver
            .createOutputTopic(
                Topics.ALERT_DELIVERIES.name(),
                Topics.ALERT_DELIVERIES.keySerde().deserializer(),
                Topics.ALERT_DELIVERIES.valueSerde().deserializer())
            .readValuesToList();
    assertEquals(5, versions.size(), "the lead and four applied notes; the repeat sends nothing");
    assertTrue(deadLetters().isEmpty(), "a repeat is not an error");
  }

  @Test
  void shouldShowTheLatestAssignee() {
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));
    assertNull(store.get(id).assignee());

    act(action(id, TriageActionType.ASSIGN, T0.plusSeconds(10))); // to analyst-2
    act(
        new TriageAction(
            id,
            TriageActionType.ASSIGN,
            "lead-1",
            T0.plusSeconds(20),
            null,
            "analyst-3",
            null,
            null)); // reassigned
    act(action(id, TriageActionType.CONFIRM, T0.plusSeconds(30))); // not an assignment

    assertEquals("analyst-3", store.get(id).assignee());
  }

  @Test
  void shouldFoldWebhookOutcomesIntoTheAlertWithoutANewVersionToDeliver() {
    String id = "taobao:s1:COUNTERFEIT_TRADEMARK";
    send(Leads.lead("l1", "s1", "320602", InfringementType.COUNTERFEIT_TRADEMARK, null, 70, T0));
    Alert before = store.get(id);
    var outcomes =
        driver.createInputTopic(
            Topics.ALERT_DELIVERY_OUTCOMES.name(),
            Topics.ALERT_DELIVERY_OUTCOMES.keySerde().serializer(),
            Topics.ALERT_DELIVERY_OUTCOMES.valueSerde().serializer());
    var retry =
        new DeliveryOutcome(
            id,
            "MARKET_SUPERVISION",
            "k1",
            DeliveryState.RETRYING,
            1,
            503,
            "HTTP 503",
            T0.plusSeconds(12),
            T0.plusSeconds(10));
    var delivered =
        new DeliveryOutcome(
            id,
            "MARKET_SUPERVISION",
            "k1",
            DeliveryState.DELIVERED,
            2,
            200,
            null,
            null,
            T0.plusSeconds(12));
    var otherBureau =
        new DeliveryOutcome(
            id,
            "COPYRIGHT",
            "k1",
            DeliveryState.FAILED,
            1,
            400,
            "HTTP 400 (not retried)",
            null,
            T0.plusSeconds(11));
    outcomes.pipeInput(id, retry);
    assertEquals(List.of(retry), store.get(id).deliveries());
    outcomes.pipeInput(id, otherBureau);
    outcomes.pipeInput(id, delivered); // replaces the retry of the same version and bureau
    outcomes.pipeInput("taobao:nobody:COUNTERFEIT_TRADEMARK", delivered); // key is not its alert

    Alert after = store.get(id);
    assertEquals(List.of(delivered, otherBureau), after.deliveries());
    assertEquals(before.updatedAt(), after.updatedAt(), "a delivery is not a change of the case");
    var versions =
        driver
            .createOutputTopic(
                Topics.ALERT_DELIVERIES.name(),
                Topics.ALERT_DELIVERIES.keySerde().deserializer(),
                Topics.ALERT_DELIVERIES.valueSerde().deserializer())
            .readValuesToList();
    assertEquals(1, versions.size(), "only the lead's version: outcomes must not loop");
    assertEquals(1, deadLetters().readRecordsToList().size());
  }

  private static TriageAction action(String alertId, TriageActionType type, String reason) {
    return new TriageAction(
        alertId, type, "analyst-1", T0.plusSeconds(5), reason, null, null, null);
  }

  private static TriageAction withRequestId(TriageAction a, String requestId) {
    return new TriageAction(
        a.alertId(),
        a.action(),
        a.actor(),
        a.at(),
        a.reason(),
        a.assignee(),
        a.decisionNumber(),
        a.penaltyAmount(),
        requestId);
  }
}
