package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, Lead> leads;
  private KeyValueStore<String, Alert> store;

  @BeforeEach
  void setUp() throws IOException {
    var router = new Router(RoutingTableLoader.load("classpath:config/routing.yaml"));
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AlertsTopology.build(new AlertFolder(router)), props);
    leads =
        driver.createInputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().serializer(),
            Topics.LEADS.valueSerde().serializer());
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
    assertNull(store.get("taobao:s9:COUNTERFEIT_TRADEMARK"));
    assertEquals(70.0, store.get("taobao:s1:COUNTERFEIT_TRADEMARK").score());
  }
}
