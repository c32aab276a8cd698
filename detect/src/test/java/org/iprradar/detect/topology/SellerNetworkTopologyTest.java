package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sellers linked by shared identity details. Each test reads as a table: given seller records (with
 * their hashed phones, addresses, payment accounts), when listings arrive, then the score, the
 * network signal and the network the assessment names.
 */
class SellerNetworkTopologyTest {

  /** Replica slang without a brand: 45 points on its own, under the lead threshold of 60. */
  private static final String SLANG = "一比一 仿真 绿植 盆栽 客厅";

  private static final String ORDINARY = "南通 蓝印花布 桌旗 手工";

  private static final String PHONE = hash("phone 13800000001");
  private static final String ADDRESS = hash("address 南通市崇川区工农路1号");
  private static final String PAYMENT = hash("payment 6222020000000001");
  private static final String OTHER_PAYMENT = hash("payment 6222020000000999");

  /** The network of a, b and c is named after its smallest member, whichever it is found from. */
  private static final String ABC = NetworkFinder.name("taobao:a");

  private final DetectDriver detect = new DetectDriver("detect-network-test");

  @AfterEach
  void tearDown() {
    detect.close();
  }

  @Test
  void shouldRaiseTheListingsOfSellersLinkedToABlacklistedOne() {
    given(
        // a is blacklisted and shares a phone with b; b shares an address with c; d is alone
        seller("a", true, 1, "320602", PHONE),
        seller("b", false, 1, "320611", PHONE, ADDRESS),
        seller("c", false, 1, "310101", ADDRESS),
        seller("d", false, 1, "320602", OTHER_PAYMENT));

    then(
        // listing, seller, title, score, network signal, network named (id, size), lead
        row("b1", "b", SLANG, 60, true, ABC, 3, true), // 45 + 30 × 0.5
        row("c1", "c", SLANG, 60, true, ABC, 3, true), // two links away, same network
        row("a1", "a", SLANG, 75, false, ABC, 3, true), // a's own history, no risky other
        row("d1", "d", SLANG, 45, false, null, 0, false), // linked to nobody
        row("b2", "b", ORDINARY, 0, false, ABC, 3, false)); // the network alone is no lead
  }

  @Test
  void shouldNameTheNetworkWithItsMembersRegionsAndMembersWithRisk() {
    given(
        // a names the kind of its hash, b does not: still one phone, and the link says so
        seller("a", true, 1, "320602", "phone:" + PHONE),
        seller("b", false, 1, "320611", PHONE, ADDRESS),
        seller("c", false, 1, "310101", ADDRESS));

    Assessment a = detect.assess(listing("b1", "b", SLANG));

    var network = a.network();
    assertEquals(ABC, network.id());
    assertEquals(List.of("taobao:a", "taobao:b", "taobao:c"), network.members());
    assertEquals(List.of("310101", "320602", "320611"), network.regions());
    assertEquals(2, network.cities(), "Nantong (3206) and Shanghai (3101)");
    assertEquals(List.of("taobao:a"), network.membersWithRisk());
    Signal signal = signal(a, SignalType.SELLER_NETWORK);
    assertEquals("network:" + ABC, signal.ruleId());
    assertTrue(signal.reason().contains("taobao:a"), signal.reason());
    assertTrue(signal.reason().contains("shared phone " + PHONE.substring(0, 12)), signal.reason());
    assertTrue(signal.reason().contains("blacklisted since"), signal.reason());
    var leads = detect.leads();
    assertEquals(1, leads.size());
    assertEquals(network, leads.get(0).assessment().network(), "the lead names the network");
  }

  @Test
  void shouldDropALinkWhenASellersRecordNoLongerSharesTheDetail() {
    given(
        seller("a", true, 1, "320602", PHONE),
        seller("b", false, 1, "320611", PHONE, ADDRESS),
        seller("c", false, 1, "310101", ADDRESS));
    then(row("b1", "b", SLANG, 60, true, ABC, 3, true));

    // b changes its phone: the link to a goes, the address still links b and c
    given(seller("b", false, 2, "320611", ADDRESS, PAYMENT));
    then(
        row("b2", "b", SLANG, 45, false, NetworkFinder.name("taobao:b"), 2, false),
        row("a2", "a", SLANG, 75, false, null, 0, true));

    // a takes c's address: linked again, through another detail
    given(seller("a", true, 2, "320602", ADDRESS));
    then(row("b3", "b", SLANG, 60, true, ABC, 3, true));

    // a is deleted: its risk goes with it
    detect.sellerBytes("taobao:a", null);
    then(row("b4", "b", SLANG, 45, false, NetworkFinder.name("taobao:b"), 2, false));
  }

  @Test
  void shouldDeadLetterUnreadableSellerRecordsWithTheirOriginAndGoOn() {
    given(seller("a", true, 1, "320602", PHONE));
    detect.sellerBytes("taobao:x", "{not json"); // offset 1
    detect.sellerBytes( // offset 2: a blacklisted seller without its date
        "taobao:y", "{\"platform\":\"taobao\",\"sellerId\":\"y\",\"blacklisted\":true}");
    detect.sellerBytes( // offset 3: a region that is no GB/T 2260 code
        "taobao:z", "{\"platform\":\"taobao\",\"sellerId\":\"z\",\"region\":\"Nantong\"}");
    given(seller("b", false, 1, "320611", PHONE)); // offset 4, read after the garbage

    then(row("b1", "b", SLANG, 60, true, ABC, 2, true));
    var letters = detect.deadLetters();
    assertEquals(3, letters.size());
    long[] offsets = {1, 2, 3};
    String[] keys = {"taobao:x", "taobao:y", "taobao:z"};
    String[] reasons = {"unreadable seller record", "blacklistedSince", "region"};
    for (int i = 0; i < 3; i++) {
      var letter = letters.get(i);
      var headers = letter.headers();
      assertEquals(Topics.DEAD_LETTERS.name(), letter.topic());
      assertEquals(keys[i], new String(letter.key(), StandardCharsets.UTF_8));
      assertEquals(
          Topics.SELLER_RECORDS.name(), DeadLetters.header(headers, DeadLetters.SOURCE_TOPIC));
      assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION));
      assertEquals(
          String.valueOf(offsets[i]), DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
      assertEquals(
          DetectTopology.APPLICATION_ID, DeadLetters.header(headers, DeadLetters.APPLICATION));
      String reason = DeadLetters.header(headers, DeadLetters.REASON);
      assertTrue(reason.contains(reasons[i]), reason);
    }
  }

  // --- the table vocabulary -------------------------------------------------------------

  private record Row(
      String listingId,
      String sellerId,
      String title,
      double score,
      boolean networkSignal,
      String networkId,
      int networkSize,
      boolean lead) {}

  private static Row row(
      String listingId,
      String sellerId,
      String title,
      double score,
      boolean networkSignal,
      String networkId,
      int networkSize,
      boolean lead) {
    return new Row(listingId, sellerId, title, score, networkSignal, networkId, networkSize, lead);
  }

  private void given(SellerRecord... records) {
    for (SellerRecord record : records) {
      detect.seller(record);
    }
  }

  private void then(Row... rows) {
    for (Row row : rows) {
      Assessment a = detect.assess(listing(row.listingId(), row.sellerId(), row.title()));
      String what = row + " got " + a.signals() + " " + a.network();
      assertEquals(row.score(), a.score(), what);
      assertEquals(
          row.networkSignal(),
          a.signals().stream().anyMatch(s -> s.type() == SignalType.SELLER_NETWORK),
          what);
      if (row.networkId() == null) {
        assertNull(a.network(), what);
      } else {
        assertEquals(row.networkId(), a.network().id(), what);
        assertEquals(row.networkSize(), a.network().size(), what);
      }
      assertEquals(row.lead(), a.lead(), what);
      assertEquals(
          a.score(), a.signals().stream().mapToDouble(Signal::contribution).sum(), 0.05, what);
    }
  }

  private static org.iprradar.common.model.Listing listing(
      String id, String sellerId, String title) {
    return Fixtures.listing(id, title, "39", "home", sellerId, "");
  }

  private static SellerRecord seller(
      String id, boolean blacklisted, long version, String region, String... hashes) {
    return new SellerRecord(
        "taobao",
        id,
        List.of(),
        blacklisted,
        blacklisted ? LocalDate.parse("2025-06-01") : null,
        0,
        List.of(hashes),
        version,
        Fixtures.NOW,
        region);
  }

  private static Signal signal(Assessment a, SignalType type) {
    return a.signals().stream()
        .filter(s -> s.type() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + a.signals()));
  }

  private static String hash(String detail) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(detail.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
