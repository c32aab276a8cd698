package org.iprradar.alerts.store;

import static org.iprradar.alerts.Leads.sold;
import static org.iprradar.common.model.InfringementType.COUNTERFEIT_DRUG_OR_FOOD;
import static org.iprradar.common.model.InfringementType.COUNTERFEIT_TRADEMARK;
import static org.iprradar.common.model.InfringementType.PIRACY_COPYRIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.json.Json;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation of alerts through the topology, with the default Nantong routing table. */
class EscalationTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);
  private static final String SHOES = "taobao:s1:COUNTERFEIT_TRADEMARK";

  private TopologyTestDriver driver;
  private TestInputTopic<String, Lead> leads;
  private KeyValueStore<String, Alert> store;

  @BeforeEach
  void setUp() throws IOException {
    var router = new Router(RoutingTableLoader.load("classpath:config/routing.yaml"));
    driver = TestDrivers.start(AlertsTopology.build(new AlertFolder(router)), "escalation-test");
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

  private Alert send(Lead... sent) {
    for (Lead lead : sent) {
      leads.pipeInput(lead.key(), lead);
    }
    return store.get(sent[sent.length - 1].key());
  }

  @Test
  void shouldSumSalesAndUnitsOverTheListingsOfOneSeller() {
    // sold(listing, seller, type, category, price, units, crossBorder, at)
    Alert alert =
        send(
            sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "120", 100, false, T0),
            sold("l2", "s1", COUNTERFEIT_TRADEMARK, "footwear", "80.50", 10, false, T1),
            sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "120", 150, false, T2));

    // l1's newest assessment replaces its first: 120 × 150 + 80.50 × 10
    assertEquals(0, new BigDecimal("18805").compareTo(alert.estimatedSales()));
    assertEquals(160, alert.unitsSold());
    assertEquals(Escalation.NONE, alert.escalation());
    assertEquals(List.of(), alert.coRecipients());
  }

  @Test
  void shouldReferToThePoliceWhenOnlyTheSumOfTwoListingsCrossesTheThreshold() {
    Alert first = send(sold("l1", "s1", COUNTERFEIT_TRADEMARK, "bags", "300", 100, false, T0));
    assertFalse(first.escalation().policeReferral(), "¥30,000 alone is below ¥50,000");

    Alert both = send(sold("l2", "s1", COUNTERFEIT_TRADEMARK, "bags", "334", 100, false, T1));

    assertTrue(both.escalation().policeReferral());
    assertFalse(both.escalation().supervisedCase());
    assertEquals(
        List.of("estimated sales ¥63,400 ≥ ¥50,000 (counterfeit trademark sales threshold)"),
        both.escalation().reasons());
    assertEquals("MARKET_SUPERVISION", both.bureau().id());
    assertEquals(List.of("PUBLIC_SECURITY"), both.coRecipients());
  }

  @Test
  void shouldReferFakeDrugsAndIllegalAdditivesWhateverTheAmount() {
    Alert drugs = send(sold("d1", "s2", COUNTERFEIT_DRUG_OR_FOOD, "drugs", "9.90", 1, false, T0));
    Alert additive =
        send(
            sold(
                "f1",
                "s3",
                COUNTERFEIT_DRUG_OR_FOOD,
                "health_food",
                "39",
                2,
                false,
                T0,
                "drug-illegal-additives"));

    assertTrue(drugs.escalation().policeReferral());
    assertEquals(
        List.of("counterfeit drug or food in category drugs: no minimum amount"),
        drugs.escalation().reasons());
    assertTrue(additive.escalation().policeReferral());
    assertEquals(
        List.of("rule drug-illegal-additives (illegal additive): no minimum amount"),
        additive.escalation().reasons());
    assertEquals(List.of("PUBLIC_SECURITY"), additive.coRecipients());
  }

  @Test
  void shouldAddCustomsForACrossBorderListing() {
    Alert alert = send(sold("x1", "s4", COUNTERFEIT_TRADEMARK, "cosmetics", "50", 3, true, T0));

    assertEquals("MARKET_SUPERVISION", alert.bureau().id());
    assertEquals(List.of("CUSTOMS"), alert.coRecipients());
    assertFalse(alert.escalation().escalated());
  }

  @Test
  void shouldMakeASupervisedCaseAboveAMillionYuanWithTheLeadingGroup() {
    Alert alert =
        send(
            sold("b1", "s5", PIRACY_COPYRIGHT, "books", "25", 30_000, false, T0),
            sold("b2", "s5", PIRACY_COPYRIGHT, "books", "40", 10_000, false, T1));

    assertTrue(alert.escalation().policeReferral());
    assertTrue(alert.escalation().supervisedCase());
    assertEquals(
        List.of(
            "estimated sales ¥1,150,000 ≥ ¥50,000 (piracy copyright sales threshold)",
            "units sold 40000 ≥ 500 (piracy copyright copies threshold)",
            "estimated sales ¥1,150,000 ≥ ¥1,000,000 (supervised-case threshold)"),
        alert.escalation().reasons());
    assertEquals("COPYRIGHT", alert.bureau().id());
    assertEquals(List.of("PUBLIC_SECURITY", "LEADING_GROUP"), alert.coRecipients());
  }

  @Test
  void shouldNotEscalateBelowTheThresholds() {
    // ¥49,999.50 of trademark sales; 499 copies (¥9,980) of books
    Alert shoes =
        send(sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "49999.50", 1, false, T0));
    Alert books = send(sold("b1", "s6", PIRACY_COPYRIGHT, "books", "20", 499, false, T0));

    assertEquals(Escalation.NONE, shoes.escalation());
    assertEquals(Escalation.NONE, books.escalation());
    assertEquals(List.of(), books.coRecipients());
  }

  @Test
  void shouldKeepAnEscalationWhenALaterAssessmentLowersTheSum() {
    send(sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "100", 600, false, T0));

    Alert lowered = send(sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "100", 6, false, T1));

    assertEquals(0, new BigDecimal("600").compareTo(lowered.estimatedSales()));
    assertTrue(lowered.escalation().policeReferral());
    assertEquals(
        List.of("estimated sales ¥60,000 ≥ ¥50,000 (counterfeit trademark sales threshold)"),
        lowered.escalation().reasons());
    assertEquals(List.of("PUBLIC_SECURITY"), lowered.coRecipients());
  }

  @Test
  void shouldReadAnAlertWrittenBeforeEscalationAsNotEscalated() throws IOException {
    Alert alert = send(sold("l1", "s1", COUNTERFEIT_TRADEMARK, "footwear", "10", 1, false, T0));
    var tree = (ObjectNode) Json.mapper().readTree(new JsonSerde<>(Alert.class).write(alert));
    tree.remove(List.of("estimatedSales", "unitsSold", "escalation"));

    Alert old = new JsonSerde<>(Alert.class).read(Json.mapper().writeValueAsBytes(tree));

    assertEquals(Escalation.NONE, old.escalation());
    assertEquals(null, old.estimatedSales());
    assertEquals(0, old.unitsSold());
    assertEquals(SHOES, old.id());
  }
}
