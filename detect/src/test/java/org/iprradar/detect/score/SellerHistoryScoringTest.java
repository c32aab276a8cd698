package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerPenalty;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

/** The seller-history signal: its points, caps, reason, and when it does not count. */
class SellerHistoryScoringTest {

  /** Replica slang without a brand: 45 points, under the lead threshold of 60 on its own. */
  private static final String SLANG_TITLE = "一比一 仿真 绿植 盆栽 客厅";

  private static final SellerPenalty FAKE_TRADEMARK =
      Fixtures.penalty("通市监罚〔2025〕12号", "2025-03-04", "销售侵犯注册商标专用权的商品");
  private static final SellerPenalty COUNTERFEIT =
      Fixtures.penalty("苏市监罚〔2024〕88号", "2024-11-20", "销售假冒伪劣产品");
  private static final SellerPenalty LATE_FILING =
      Fixtures.penalty("通市监罚〔2023〕5号", "2023-01-09", "未按规定公示年度报告");

  private final Scorer scorer = Fixtures.scorer();

  private Assessment assess(Listing listing, SellerRecord seller) {
    return scorer.assess(
        listing, Fixtures.matcher().match(listing), Fixtures.brands(), seller, Fixtures.NOW);
  }

  private static Listing slang(String sellerId) {
    return Fixtures.listing("l-" + sellerId, SLANG_TITLE, "39", "home", sellerId, "");
  }

  private static Optional<Signal> sellerSignal(Assessment a) {
    return a.signals().stream().filter(s -> s.type() == SignalType.SELLER_HISTORY).findFirst();
  }

  private static double sum(Assessment a) {
    return a.signals().stream().mapToDouble(Signal::contribution).sum();
  }

  @Test
  void shouldAddThePointsOfEachFactUpToItsCap() {
    // seller,  blacklisted,  IP penalties,       alerts, seller points, score
    Object[][] table = {
      {"none", null, List.of(), 0, 0.0, 45.0},
      {"black", "2025-06-01", List.of(), 0, 30.0, 75.0},
      {"one", null, List.of(FAKE_TRADEMARK), 0, 15.0, 60.0},
      {"three", null, List.of(FAKE_TRADEMARK, COUNTERFEIT, COUNTERFEIT), 0, 30.0, 75.0},
      {"late", null, List.of(LATE_FILING), 0, 0.0, 45.0},
      {"alert", null, List.of(), 1, 10.0, 55.0},
      {"alerts", null, List.of(), 5, 20.0, 65.0},
      {"all", "2025-06-01", List.of(FAKE_TRADEMARK, COUNTERFEIT), 3, 40.0, 85.0},
    };
    for (Object[] row : table) {
      String id = (String) row[0];
      @SuppressWarnings("unchecked")
      var penalties = ((List<SellerPenalty>) row[2]).toArray(SellerPenalty[]::new);
      var seller = Fixtures.seller(id, (String) row[1], (Integer) row[3], 1, penalties);

      var a = assess(slang(id), seller);

      assertEquals(
          (double) row[4],
          sellerSignal(a).map(Signal::contribution).orElse(0.0),
          "seller points of " + id);
      assertEquals((double) row[5], a.score(), "score of " + id);
      assertEquals(a.score(), sum(a), 0.05, "contributions of " + id + " add up");
      assertEquals(a.score() >= 60, a.lead(), "lead of " + id);
    }
  }

  @Test
  void shouldNameTheFactsAndPointToTheSellerRecord() {
    var seller =
        Fixtures.seller("s1", "2025-06-01", 2, 7, FAKE_TRADEMARK, COUNTERFEIT, LATE_FILING);

    var signal = sellerSignal(assess(slang("s1"), seller)).orElseThrow();

    assertEquals(
        "Seller taobao:s1: 2 prior penalties: 通市监罚〔2025〕12号 (2025-03-04, 销售侵犯注册商标专用权的商品);"
            + " 苏市监罚〔2024〕88号 (2024-11-20, 销售假冒伪劣产品), blacklisted since 2025-06-01,"
            + " 2 earlier alerts confirmed",
        signal.reason());
    assertEquals("seller:taobao:s1", signal.ruleId());
    assertEquals(7, signal.ruleVersion());
    assertEquals("seller", signal.evidence().get(0).field());
    assertEquals("taobao:s1", signal.evidence().get(0).text());
    assertEquals(InfringementType.COUNTERFEIT_TRADEMARK, signal.infringementType());
  }

  @Test
  void shouldNotScoreAnOrdinaryListingOfABlacklistedSeller() {
    // A penalised seller selling genuine goods is not a lead: history alone says nothing of one
    // listing.
    var seller = Fixtures.seller("s2", "2025-06-01", 5, 1, FAKE_TRADEMARK, COUNTERFEIT);
    var listing = Fixtures.listing("o", "南通 蓝印花布 桌旗 手工", "58", "home_textiles", "s2", "");

    var a = assess(listing, seller);

    assertEquals(0.0, a.score());
    assertFalse(a.lead());
    assertTrue(sellerSignal(a).isEmpty());
  }

  @Test
  void shouldNotCountHistoryForABrandAtAGenuinePrice() {
    // 驴牌 at ¥6000 lies within the band ¥5000-50000, as a genuine bag's price would.
    var seller = Fixtures.seller("s3", "2025-06-01", 5, 1, FAKE_TRADEMARK, COUNTERFEIT);
    var listing = Fixtures.listing("g", "驴牌 Neverfull 手袋", "6000", "luxury_bags", "s3", "");

    var a = assess(listing, seller);

    assertTrue(sellerSignal(a).isEmpty(), a.signals().toString());
    assertFalse(a.lead());
    assertEquals(a.score(), sum(a), 0.05);
  }

  @Test
  void shouldScaleTheSellerSignalWithTheOthersWhenTheTotalPassesHundred() {
    // Slang 45 + brand 25 + far below the band 35 + seller 40 = 145, scaled down to 100.
    var seller = Fixtures.seller("s4", "2025-06-01", 3, 1, FAKE_TRADEMARK, COUNTERFEIT);
    var listing = Fixtures.listing("c", "驴牌 老花 高仿 手袋", "300", "luxury_bags", "s4", "");

    var a = assess(listing, seller);

    assertEquals(100.0, a.score());
    assertEquals(100.0, sum(a), 0.05);
    // 40 × 100 / 145 = 27.6; as the last signal it takes what rounding the others left.
    assertEquals(27.7, sellerSignal(a).orElseThrow().contribution(), 0.05);
  }

  @Test
  void shouldUseConfiguredWeights() {
    var weights = SellerHistoryWeights.DEFAULTS.withPoints(10, 5, 100, 0, 0, 100);
    var custom = new Scorer(Fixtures.scorer().settings(), weights);
    var seller = Fixtures.seller("s5", "2025-06-01", 9, 1, FAKE_TRADEMARK, COUNTERFEIT);
    var listing = slang("s5");

    var a =
        custom.assess(
            listing, Fixtures.matcher().match(listing), Fixtures.brands(), seller, Fixtures.NOW);

    assertEquals(20.0, sellerSignal(a).orElseThrow().contribution());
    assertFalse(sellerSignal(a).orElseThrow().reason().contains("alert"));
    assertEquals(65.0, a.score());
  }

  @Test
  void shouldRefuseTheRecordOfAnotherSeller() {
    var seller = Fixtures.seller("someone-else", "2025-06-01", 0, 1);

    assertThrows(IllegalArgumentException.class, () -> assess(slang("s6"), seller));
  }
}
