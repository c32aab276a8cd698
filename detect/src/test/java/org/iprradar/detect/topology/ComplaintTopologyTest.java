package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.ComplaintSource;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Complaints counted for listings and sellers. Each test reads as a table: given complaints (how
 * many days before the listing was seen), when the listing arrives, then its counts and score.
 * Default weights: 10 points per complaint on the listing, 4 per further complaint on the seller
 * (only beside another signal), 60 for a surge (at least 5 in 7 days and 3 times the usual rate) on
 * a listing complained about itself or showing another signal.
 */
class ComplaintTopologyTest {

  /** Replica slang without a brand: 45 points on its own. */
  private static final String SLANG = "一比一 仿真 绿植 盆栽 客厅";

  private static final String ORDINARY = "南通 蓝印花布 桌旗 手工";

  private final DetectDriver detect = new DetectDriver("detect-complaint-test");

  @AfterEach
  void tearDown() {
    detect.close();
  }

  @Test
  void shouldCountComplaintsThatArriveBeforeTheirListingWithinThirtyDays() {
    given(
        // complaint, listing, seller, days before the listing was seen
        complaint("c1", "l1", null, 2),
        complaint("c2", "l1", "s1", 29.9),
        complaint("c3", "l2", null, 30.1), // too old
        complaint("c4", "l3", null, -1)); // after the listing was seen

    then(
        // listing, seller, title, listing30d, seller30d, last7d, surge, score
        row("l1", "s1", ORDINARY, 2, 1, 1, false, 20), // its own complaints count alone
        row("l2", "s2", ORDINARY, 0, 0, 0, false, 0),
        row("l3", "s3", ORDINARY, 0, 0, 0, false, 0),
        row("l4", "s1", ORDINARY, 0, 1, 0, false, 0), // the seller's alone: no points
        row("l5", "s1", SLANG, 0, 1, 0, false, 49)); // beside slang: 45 + 4
  }

  @Test
  void shouldCountAComplaintSentTwiceOnceAndForgetAWithdrawnOne() {
    given(
        complaint("c1", "l1", "s1", 1),
        complaint("c1", "l1", "s1", 1),
        complaint("c1", "l1", "s1", 3), // the same complaint, its date corrected
        complaint("c2", "l2", "s1", 1));
    detect.complaintBytes("taobao:c2", null); // withdrawn

    then(
        row("l1", "s1", ORDINARY, 1, 1, 1, false, 10),
        row("l2", "s1", ORDINARY, 0, 1, 1, false, 0));
  }

  @Test
  void shouldSignalASurgeAgainstTheSellersUsualRate() {
    given(
        // "surging": five complaints about its listings this week, none before
        complaint("a1", "x1", "surging", 1),
        complaint("a2", "x2", "surging", 2),
        complaint("a3", "x3", "surging", 3),
        complaint("a4", "x4", "surging", 4),
        complaint("a5", "x5", "surging", 6),
        // "steady": the same five this week, but 30 in the 83 days before (2.5 a week)
        complaint("b1", "y1", "steady", 1),
        complaint("b2", "y2", "steady", 2),
        complaint("b3", "y3", "steady", 3),
        complaint("b4", "y4", "steady", 4),
        complaint("b5", "y5", "steady", 6));
    for (int i = 0; i < 30; i++) {
      given(complaint("old" + i, "y-old" + i, "steady", 8 + i * 2.5));
    }
    // "few": four this week is below the minimum
    for (int i = 0; i < 4; i++) {
      given(complaint("f" + i, "z" + i, "few", 1 + i));
    }

    then(
        row("x1", "surging", ORDINARY, 1, 5, 5, true, 86), // 10 + 16 + 60: a lead
        row("n1", "surging", ORDINARY, 0, 5, 5, true, 0), // not complained about itself
        row("n2", "surging", SLANG, 0, 5, 5, true, 100), // 45 + 16 + 60, capped
        row("n3", "steady", ORDINARY, 0, 14, 5, false, 0), // 5 + 9 old in 30 days; 5 < 3 × 2.5
        row("n4", "few", ORDINARY, 0, 4, 4, false, 0));
  }

  @Test
  void shouldPurgeComplaintsOlderThanTheTopicKeepsThem() {
    given(complaint("old", "l1", "s1", 91), complaint("kept", "l1", "s1", 89));
    assertTrue(detect.holdsComplaint("taobao:old"), "nothing newer has arrived yet");

    given(complaint("new", "l2", "s2", 0)); // 91 days after "old"

    assertEquals(false, detect.holdsComplaint("taobao:old"));
    assertTrue(detect.holdsComplaint("taobao:kept"));
    then(row("l1", "s1", ORDINARY, 0, 0, 0, false, 0));
  }

  @Test
  void shouldDeadLetterUnreadableComplaintsWithTheirOriginAndGoOn() {
    detect.complaintBytes("taobao:bad", "\u0000\u0001 not json"); // offset 0
    detect.complaintBytes( // offset 1: names neither a listing nor a seller
        "taobao:c9",
        "{\"platform\":\"taobao\",\"complaintId\":\"c9\",\"source\":\"PLATFORM\","
            + "\"receivedAt\":\"2026-11-28T08:00:00Z\"}");
    detect.complaintBytes( // offset 2: filed under another complaint's key
        "taobao:other",
        "{\"platform\":\"taobao\",\"complaintId\":\"c8\",\"source\":\"PLATFORM\","
            + "\"listingId\":\"l1\",\"receivedAt\":\"2026-11-28T08:00:00Z\"}");
    given(complaint("c2", "l1\u001fx", null, 1)); // offset 3: would garble the store's keys
    given(complaint("c1", "l1", null, 1)); // offset 4, read after the garbage

    then(row("l1", "s1", ORDINARY, 1, 0, 1, false, 10));
    var letters = detect.deadLetters();
    assertEquals(4, letters.size());
    String[] reasons = {
      "unreadable complaint", "listingId, a sellerId or both", "key is not", "U+001F"
    };
    for (int i = 0; i < 4; i++) {
      var headers = letters.get(i).headers();
      assertEquals(Topics.COMPLAINTS.name(), DeadLetters.header(headers, DeadLetters.SOURCE_TOPIC));
      assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION));
      assertEquals(String.valueOf(i), DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
      String reason = DeadLetters.header(headers, DeadLetters.REASON);
      assertTrue(reason.contains(reasons[i]), reason);
    }
    assertEquals("taobao:bad", new String(letters.get(0).key(), StandardCharsets.UTF_8));
  }

  // --- the table vocabulary -------------------------------------------------------------

  private record Row(
      String listingId, String sellerId, String title, ComplaintCounts counts, double score) {}

  private static Row row(
      String listingId,
      String sellerId,
      String title,
      int listing30d,
      int seller30d,
      int last7d,
      boolean surge,
      double score) {
    return new Row(
        listingId,
        sellerId,
        title,
        new ComplaintCounts(listing30d, seller30d, last7d, surge),
        score);
  }

  /** A complaint received some days before the listings are seen ({@link Fixtures#NOW}). */
  private static Complaint complaint(
      String id, String listingId, String sellerId, double daysBefore) {
    Instant at = Fixtures.NOW.minus(Duration.ofMinutes(Math.round(daysBefore * 24 * 60)));
    return new Complaint(
        "taobao",
        id,
        ComplaintSource.CONSUMER_12315,
        listingId,
        sellerId,
        null,
        "收到的是假货",
        List.of(),
        at);
  }

  private void given(Complaint... complaints) {
    for (Complaint c : complaints) {
      detect.complaint(c);
    }
  }

  private void then(Row... rows) {
    for (Row row : rows) {
      Assessment a =
          detect.assess(
              Fixtures.listing(row.listingId(), row.title(), "39", "home", row.sellerId(), ""));
      String what = row + " got " + a.signals() + " " + a.complaints();
      assertEquals(row.counts(), a.complaints(), what);
      assertEquals(row.score(), a.score(), what);
      boolean surgeSignal =
          a.signals().stream().anyMatch(s -> s.type() == SignalType.COMPLAINT_SURGE);
      assertEquals(row.counts().surge() && row.score() > 0, surgeSignal, what);
      assertEquals(row.score() >= 60, a.lead(), what);
      assertEquals(
          a.score(), a.signals().stream().mapToDouble(Signal::contribution).sum(), 0.05, what);
    }
  }
}
