package org.iprradar.alerts.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.iprradar.alerts.Leads;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.SellerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalatorTest {

  private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");
  private static final String TABLE =
      """
      cityCode: "320600"
      cityName: 南通市
      bureaus:
        - {id: MARKET_SUPERVISION}
        - {id: PUBLIC_SECURITY}
      defaultBureau: MARKET_SUPERVISION
      """;

  private final RoutingTable nantong;

  EscalatorTest() throws IOException {
    nantong = RoutingTableLoader.load("classpath:config/routing.yaml");
  }

  private static Assessment listing(
      String id, InfringementType type, String category, String price, long units) {
    return Leads.sold(id, "s1", type, category, price, units, false, AT).assessment();
  }

  @Test
  void shouldApplyTheDefaultThresholdOfEachTypeToTheSumOfItsListings() {
    // type, category, price × units of two listings, police referral expected
    Object[][] table = {
      {InfringementType.COUNTERFEIT_TRADEMARK, "bags", "250", 100L, true}, // ¥50,000
      {InfringementType.COUNTERFEIT_TRADEMARK, "bags", "249", 100L, false}, // ¥49,800
      {InfringementType.PIRACY_COPYRIGHT, "books", "1", 250L, true}, // 500 copies
      {InfringementType.PIRACY_COPYRIGHT, "books", "1", 249L, false}, // 498 copies, ¥498
      {InfringementType.SUBSTANDARD_AGRI_INPUT, "agri_seeds", "250", 100L, true},
      {InfringementType.COUNTERFEIT_DRUG_OR_FOOD, "health_food", "250", 100L, true},
      {InfringementType.COUNTERFEIT_DRUG_OR_FOOD, "health_food", "1", 1L, false},
      {InfringementType.COUNTERFEIT_DRUG_OR_FOOD, "drugs", "1", 1L, true}, // fake drugs
      {InfringementType.PATENT, "electronics", "500", 1000L, false}, // no referral threshold
    };
    var escalator = new Escalator(nantong);
    for (Object[] row : table) {
      var type = (InfringementType) row[0];
      var category = (String) row[1];
      var listings =
          List.of(
              listing("a", type, category, (String) row[2], (long) row[3]),
              listing("b", type, category, (String) row[2], (long) row[3]));
      Escalation e = escalator.assess(type, category, listings);
      assertEquals(row[4], e.policeReferral(), () -> List.of(row) + " gave " + e);
    }
  }

  @Test
  void shouldSuperviseASellerWithSalesOnManyListings() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    var listings = new ArrayList<Assessment>();
    IntStream.range(0, 20).forEach(i -> listings.add(listing("l" + i, type, "bags", "10", 1)));

    Escalation e = new Escalator(nantong).assess(type, "bags", listings);

    assertTrue(e.supervisedCase());
    assertFalse(e.policeReferral());
    assertEquals(List.of("20 listings with sales ≥ 20 (supervised-case threshold)"), e.reasons());
  }

  @Test
  void shouldSuperviseAComplaintSurgeOrANetworkAcrossCities() {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    var surge = new ComplaintCounts(2, 6, 6, true);
    var busy = new ComplaintCounts(3, 9, 4, false);
    var oneCity = network("320602", "320611"); // two districts of Nantong
    var twoCities = network("320602", "310101"); // Nantong and Shanghai
    // complaints, network, supervised expected, reason expected
    Object[][] table = {
      {surge, null, true, "complaint surge on taobao:a: 6 complaints in 7 days"},
      {busy, null, false, null},
      {null, oneCity, false, null},
      {null, twoCities, true, "spans 2 cities (310101, 320602) ≥ 2"},
      {null, null, false, null},
    };
    var escalator = new Escalator(nantong);
    for (Object[] row : table) {
      var a =
          withContext(
              listing("a", type, "bags", "10", 1),
              (ComplaintCounts) row[0],
              (SellerNetwork) row[1]);
      Escalation e = escalator.assess(type, "bags", List.of(a));
      assertEquals(row[2], e.supervisedCase(), () -> List.of(row) + " gave " + e);
      assertFalse(e.policeReferral());
      if (row[3] != null) {
        assertTrue(e.reasons().get(0).contains((String) row[3]), e.reasons().toString());
      }
    }
  }

  @Test
  void shouldTakeTheNetworkAndSurgeTriggersFromTheTable(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(
        file,
        TABLE
            + """
            escalation:
              supervisedNetworkCities: 3
              supervisedOnComplaintSurge: false
            """);
    var escalator = new Escalator(RoutingTableLoader.load(file.toString()));
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    var a =
        withContext(
            listing("a", type, "bags", "10", 1),
            new ComplaintCounts(0, 8, 8, true),
            network("320602", "310101"));

    assertFalse(escalator.assess(type, "bags", List.of(a)).supervisedCase());

    Files.writeString(file, TABLE + "escalation: {supervisedNetworkCities: 1}\n");
    var error = assertThrows(IOException.class, () -> RoutingTableLoader.load(file.toString()));
    assertTrue(
        error.getMessage().contains("escalation.supervisedNetworkCities: must be at least 2"),
        error.getMessage());
  }

  private static SellerNetwork network(String... regions) {
    var members = new ArrayList<String>();
    for (int i = 0; i < regions.length; i++) {
      members.add("taobao:m" + i);
    }
    return new SellerNetwork(
        "net-0123456789ab", members, members.size(), List.of(regions), List.of("taobao:m1"));
  }

  private static Assessment withContext(
      Assessment a, ComplaintCounts complaints, SellerNetwork network) {
    return new Assessment(
        a.schemaVersion(),
        a.listingKey(),
        a.platform(),
        a.listingId(),
        a.listingVersion(),
        a.title(),
        a.price(),
        a.sellerId(),
        a.sellerRegion(),
        a.shopName(),
        a.category(),
        a.score(),
        a.infringementType(),
        a.brandId(),
        a.lead(),
        a.signals(),
        a.assessedAt(),
        a.estimatedSales(),
        a.crossBorder(),
        complaints,
        network);
  }

  @Test
  void shouldSumOnlyTheListingsThatReportSales() {
    var unknown = Leads.lead("u", "s1", "320602", InfringementType.PATENT, null, 80, AT);
    var sold = listing("k", InfringementType.PATENT, null, "12.50", 4);

    assertEquals(new Amounts(null, 0, 0), Amounts.of(List.of(unknown.assessment())));
    assertEquals(
        new Amounts(new BigDecimal("50.00"), 4, 1),
        Amounts.of(List.of(unknown.assessment(), sold)));
  }

  @Test
  void shouldAddOnlyCoRecipientsInTheDirectoryAndNeverTheAlertsOwnBureau(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(file, TABLE);
    var escalator = new Escalator(RoutingTableLoader.load(file.toString()));
    var all = new Escalation(true, true, List.of());

    // No leading group or customs in this directory.
    assertEquals(
        List.of("PUBLIC_SECURITY"), escalator.coRecipients(all, true, "MARKET_SUPERVISION"));
    assertEquals(List.of(), escalator.coRecipients(all, true, "PUBLIC_SECURITY"));
  }

  @Test
  void shouldReadSettingsFromTheTableAndRefuseInvalidOnes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(
        file,
        TABLE
            + """
            escalation:
              referralSales: {COUNTERFEIT_TRADEMARK: 10000}
              supervisedListings: 3
            """);
    var policy = RoutingTableLoader.load(file.toString()).escalation();
    assertEquals(
        0,
        new BigDecimal("10000")
            .compareTo(policy.referralSales().get(InfringementType.COUNTERFEIT_TRADEMARK)));
    assertEquals(null, policy.referralSales().get(InfringementType.PIRACY_COPYRIGHT));
    assertEquals(3, policy.supervisedListings());
    assertEquals(0, new BigDecimal("1000000").compareTo(policy.supervisedSales()));

    Files.writeString(
        file,
        TABLE
            + """
            escalation:
              referralSales: {COUNTERFEIT_TRADEMARK: 0}
              supervisedListings: 0
              policeBureau: POLICE
            """);
    var error = assertThrows(IOException.class, () -> RoutingTableLoader.load(file.toString()));
    assertTrue(
        error
            .getMessage()
            .contains("escalation.referralSales.COUNTERFEIT_TRADEMARK: must be positive, was 0"),
        error.getMessage());
    assertTrue(
        error.getMessage().contains("escalation.supervisedListings: must be at least 1, was 0"),
        error.getMessage());
  }

  @Test
  void shouldRefuseAPoliceBureauOutsideTheDirectory(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(file, TABLE + "escalation: {policeBureau: POLICE}\n");

    var error = assertThrows(IOException.class, () -> RoutingTableLoader.load(file.toString()));

    assertTrue(
        error
            .getMessage()
            .contains("escalation.policeBureau: 'POLICE' is not in the bureau directory"),
        error.getMessage());
  }
}
