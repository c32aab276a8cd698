package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerPenalty;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings joined with their sellers' records. Each test reads as a table: given seller records,
 * when listings arrive, then their scores and whether the seller signal counted.
 */
class SellerHistoryTopologyTest {

  /** Replica slang without a brand: 45 points on its own, under the lead threshold of 60. */
  private static final String SLANG = "一比一 仿真 绿植 盆栽 客厅";

  private static final String ORDINARY = "南通 蓝印花布 桌旗 手工";

  private static final SellerPenalty FAKE_TRADEMARK =
      Fixtures.penalty("通市监罚〔2025〕12号", "2025-03-04", "销售侵犯注册商标专用权的商品");

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> listings;
  private TestInputTopic<String, byte[]> sellers;
  private TestOutputTopic<String, Assessment> assessments;
  private TestOutputTopic<String, Lead> leads;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    var topology =
        DetectTopology.build(
            Fixtures.ruleBook(), Fixtures.scorer(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    driver = TestDrivers.start(topology, "detect-seller-test");
    listings =
        driver.createInputTopic(
            Topics.LISTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    sellers =
        driver.createInputTopic(
            Topics.SELLER_RECORDS.name(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    assessments =
        driver.createOutputTopic(
            Topics.ASSESSMENTS.name(),
            Topics.ASSESSMENTS.keySerde().deserializer(),
            Topics.ASSESSMENTS.valueSerde().deserializer());
    leads =
        driver.createOutputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().deserializer(),
            Topics.LEADS.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS.name(),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldScoreListingsWithTheRecordsOfTheirSellers() {
    given(
        Fixtures.seller("black", "2025-06-01", 0, 1),
        Fixtures.seller("penalised", null, 0, 1, FAKE_TRADEMARK, FAKE_TRADEMARK),
        Fixtures.seller("alerted", null, 1, 1),
        Fixtures.seller("clean", null, 0, 1));

    then(
        when(
            row("l1", "black", SLANG, 75, true, true),
            row("l2", "penalised", SLANG, 75, true, true),
            row("l3", "alerted", SLANG, 55, true, false),
            row("l4", "clean", SLANG, 45, false, false),
            row("l5", "unknown", SLANG, 45, false, false),
            row("l6", "black", ORDINARY, 0, false, false)));
    assertEquals(2, leads.getQueueSize());
  }

  @Test
  void shouldNotMakeALeadOfAnOrdinaryListingOfABlacklistedSeller() {
    given(Fixtures.seller("black", "2025-06-01", 5, 1, FAKE_TRADEMARK, FAKE_TRADEMARK));

    then(when(row("o1", "black", ORDINARY, 0, false, false)));
    assertTrue(leads.isEmpty());
  }

  @Test
  void shouldApplyAnUpdatedRecordToTheNextListingAndForgetATombstonedOne() {
    given(Fixtures.seller("s", null, 0, 1));
    then(when(row("a", "s", SLANG, 45, false, false)));

    given(Fixtures.seller("s", "2025-06-01", 0, 2));
    then(when(row("b", "s", SLANG, 75, true, true)));

    // An older version arriving late does not undo the blacklist.
    given(Fixtures.seller("s", null, 0, 1));
    then(when(row("c", "s", SLANG, 75, true, true)));

    sellers.pipeInput("taobao:s", (byte[]) null);
    then(when(row("d", "s", SLANG, 45, false, false)));
  }

  @Test
  void shouldSkipUnreadableSellerRecordsAndGoOn() {
    given(Fixtures.seller("black", "2025-06-01", 0, 1));
    sellers.pipeInput("taobao:black", "{not json".getBytes(StandardCharsets.UTF_8));
    sellers.pipeInput(
        "taobao:broken",
        "{\"platform\":\"taobao\",\"sellerId\":\"broken\",\"blacklisted\":true}"
            .getBytes(StandardCharsets.UTF_8));
    sellers.pipeInput("taobao:other", bytes(Fixtures.seller("not-other", "2025-06-01", 0, 1)));
    given(Fixtures.seller("later", "2025-06-01", 0, 1));

    then(
        when(
            // garbage does not replace the last readable record
            row("g1", "black", SLANG, 75, true, true),
            // a blacklisted record without its date is refused
            row("g2", "broken", SLANG, 45, false, false),
            // a record under another seller's key is refused
            row("g3", "other", SLANG, 45, false, false),
            // records after the garbage are read
            row("g4", "later", SLANG, 75, true, true)));
    assertTrue(
        deadLetters.isEmpty(),
        "listings are fine; seller records go through the global dead letters, see"
            + " SellerNetworkTopologyTest");
  }

  // --- the table vocabulary -------------------------------------------------------------

  /**
   * One row: a listing, its seller, its title, and what the assessment must say.
   *
   * @param sellerSignal whether the seller's history counted
   */
  private record Row(
      String listingId,
      String sellerId,
      String title,
      double score,
      boolean sellerSignal,
      boolean lead) {}

  private static Row row(
      String listingId,
      String sellerId,
      String title,
      double score,
      boolean sellerSignal,
      boolean lead) {
    return new Row(listingId, sellerId, title, score, sellerSignal, lead);
  }

  private void given(SellerRecord... records) {
    for (SellerRecord record : records) {
      sellers.pipeInput(record.key(), bytes(record));
    }
  }

  private static byte[] bytes(SellerRecord record) {
    return Topics.SELLER_RECORDS.valueSerde().serializer().serialize("", record);
  }

  /** Sends the rows' listings and pairs each row with the assessment it got. */
  private List<Checked> when(Row... rows) {
    var checked = new ArrayList<Checked>();
    for (Row row : rows) {
      Listing listing =
          Fixtures.listing(row.listingId(), row.title(), "39", "home", row.sellerId(), "");
      listings.pipeInput(
          listing.key(), Topics.LISTINGS.valueSerde().serializer().serialize("", listing));
      checked.add(new Checked(row, assessments.readValue()));
    }
    return checked;
  }

  private record Checked(Row row, Assessment assessment) {}

  private static void then(List<Checked> results) {
    for (Checked c : results) {
      Row row = c.row();
      Assessment a = c.assessment();
      String what = row.listingId() + " of " + row.sellerId() + ": " + a.signals();
      assertEquals("taobao:" + row.listingId(), a.listingKey(), what);
      assertEquals(row.score(), a.score(), what);
      assertEquals(
          row.sellerSignal(),
          a.signals().stream().anyMatch(s -> s.type() == SignalType.SELLER_HISTORY),
          what);
      assertEquals(row.lead(), a.lead(), what);
      assertEquals(
          a.score(), a.signals().stream().mapToDouble(Signal::contribution).sum(), 0.05, what);
    }
  }
}
