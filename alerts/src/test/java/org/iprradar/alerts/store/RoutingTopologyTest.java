package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.RoutingTables;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.RoutingChange;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A record on the routing topic changes where the next lead goes, without a restart. */
class RoutingTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
  private static final InfringementType TRADEMARK = InfringementType.COUNTERFEIT_TRADEMARK;

  private final MockProducer<byte[], byte[]> deadLetters =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private RoutingBook book;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Lead> leads;
  private TestInputTopic<String, RoutingChange> routing;
  private TestInputTopic<String, byte[]> rawRouting;
  private KeyValueStore<String, Alert> store;

  @BeforeEach
  void setUp() throws IOException {
    book =
        new RoutingBook(
            RoutingInForce.startUp(
                RoutingTableLoader.load("classpath:config/routing.yaml"), "routing.yaml"));
    driver =
        TestDrivers.start(
            AlertsTopology.build(new AlertFolder(book), deadLetters), "alerts-routing-test");
    leads =
        driver.createInputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().serializer(),
            Topics.LEADS.valueSerde().serializer());
    routing =
        driver.createInputTopic(
            Topics.ROUTING.name(),
            Topics.ROUTING.keySerde().serializer(),
            Topics.ROUTING.valueSerde().serializer());
    rawRouting =
        driver.createInputTopic(
            Topics.ROUTING.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    store = driver.getKeyValueStore(AlertsTopology.STORE);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private Alert lead(String listing, String seller) {
    Lead lead = Leads.lead(listing, seller, "320602", TRADEMARK, "footwear", 80, T0);
    leads.pipeInput(lead.key(), lead);
    return store.get(lead.key());
  }

  private void publish(RoutingChange change) {
    routing.pipeInput(RoutingChange.KEY, change);
  }

  @Test
  void shouldRouteTheNextLeadWithARoutingChangeAndRecordItsVersion() {
    Alert before = lead("l1", "s1");
    assertEquals("MARKET_SUPERVISION", before.bureau().id());
    assertEquals(0, before.routingVersion());

    publish(RoutingTables.change(1, RoutingTables.routingTypeTo("COUNTERFEIT_TRADEMARK", "TAX")));
    Alert after = lead("l2", "s2");

    assertEquals("TAX", after.bureau().id());
    assertEquals(1, after.routingVersion());
    assertEquals(1, book.current().version());
    assertTrue(deadLetters.history().isEmpty());
  }

  @Test
  void shouldRefuseAnInvalidOrOlderChangeKeepTheTableInForceAndDeadLetterIt() {
    publish(RoutingTables.change(1, RoutingTables.routingTypeTo("COUNTERFEIT_TRADEMARK", "TAX")));
    var broken = RoutingTables.routingTypeTo("COUNTERFEIT_TRADEMARK", "FISHERIES");
    publish(RoutingTables.change(2, broken)); // offset 1
    publish(RoutingTables.change(1, RoutingTables.nantong())); // offset 2: not newer
    rawRouting.pipeInput(RoutingChange.KEY, "{\"version\":".getBytes(StandardCharsets.UTF_8));

    assertEquals("TAX", lead("l1", "s1").bureau().id(), "version 1 stays in force");
    assertEquals(1, book.current().version());
    var letters = deadLetters.history();
    assertEquals(3, letters.size());
    for (int i = 0; i < 3; i++) {
      var headers = letters.get(i).headers();
      assertEquals(Topics.ROUTING.name(), DeadLetters.header(headers, DeadLetters.SOURCE_TOPIC));
      assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION));
      assertEquals(String.valueOf(i + 1), DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
      assertEquals(
          AlertsTopology.APPLICATION_ID, DeadLetters.header(headers, DeadLetters.APPLICATION));
    }
    String invalid = DeadLetters.header(letters.get(0).headers(), DeadLetters.REASON);
    assertTrue(invalid.contains("version 1 stays in force"), invalid);
    assertTrue(
        invalid.contains("routes[0].bureau: 'FISHERIES' is not in the bureau directory"), invalid);
    String stale = DeadLetters.header(letters.get(1).headers(), DeadLetters.REASON);
    assertTrue(stale.contains("version 1 is not above version 1 in force"), stale);
    String unreadable = DeadLetters.header(letters.get(2).headers(), DeadLetters.REASON);
    assertTrue(unreadable.contains("RoutingChange"), unreadable);
  }

  @Test
  void shouldRouteAnUndecidedAlertAgainWithNewEvidenceButLeaveADecidedOneWithItsBureau() {
    lead("l1", "open-seller");
    lead("l2", "confirmed-seller");
    String confirmed = "taobao:confirmed-seller:COUNTERFEIT_TRADEMARK";
    driver
        .createInputTopic(
            Topics.TRIAGE_ACTIONS.name(),
            Topics.TRIAGE_ACTIONS.keySerde().serializer(),
            Topics.TRIAGE_ACTIONS.valueSerde().serializer())
        .pipeInput(
            confirmed,
            new TriageAction(
                confirmed,
                TriageActionType.CONFIRM,
                "analyst-1",
                T0.plusSeconds(5),
                null,
                null,
                null,
                null));

    publish(RoutingTables.change(1, RoutingTables.routingTypeTo("COUNTERFEIT_TRADEMARK", "TAX")));
    Alert untouched = store.get("taobao:open-seller:COUNTERFEIT_TRADEMARK");
    Alert open = lead("l3", "open-seller");
    Alert decided = lead("l4", "confirmed-seller");

    assertEquals(
        "MARKET_SUPERVISION", untouched.bureau().id(), "an alert keeps its bureau until evidence");
    assertEquals("TAX", open.bureau().id());
    assertEquals(1, open.routingVersion());
    assertEquals(2, open.listings().size());
    assertEquals("MARKET_SUPERVISION", decided.bureau().id());
    assertEquals(0, decided.routingVersion());
  }
}
