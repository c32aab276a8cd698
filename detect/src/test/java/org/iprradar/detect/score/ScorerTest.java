package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private final Scorer scorer = Fixtures.scorer();

  private Assessment assess(Listing listing) {
    return scorer.assess(
        listing, Fixtures.matcher().match(listing), Fixtures.brands(), Fixtures.NOW);
  }

  private static List<SignalType> types(Assessment a) {
    return a.signals().stream().map(Signal::type).toList();
  }

  private static double sum(Assessment a) {
    return a.signals().stream().mapToDouble(Signal::contribution).sum();
  }

  @Test
  void shouldMakeALeadOfReplicaSlangWithAProtectedBrand() {
    var a = assess(Fixtures.listing("1", "驴牌 老花 高仿 手袋", "6800", "luxury_bags"));

    assertEquals(70.0, a.score());
    assertTrue(a.lead());
    assertEquals(InfringementType.COUNTERFEIT_TRADEMARK, a.infringementType());
    assertEquals("lv", a.brandId());
    assertEquals(List.of(SignalType.TEXT_RULE, SignalType.BRAND_MENTION), types(a));
  }

  @Test
  void shouldCapAtHundredAndKeepContributionsAddingUpToTheScore() {
    var a = assess(Fixtures.listing("2", "驴牌 老花 高仿 手袋", "300", "luxury_bags"));

    assertEquals(100.0, a.score());
    assertEquals(a.score(), sum(a), 0.05);
    assertTrue(types(a).contains(SignalType.PRICE_BELOW_BAND));
    var price =
        a.signals().stream().filter(s -> s.type() == SignalType.PRICE_BELOW_BAND).findFirst().get();
    assertTrue(price.reason().contains("6%"), price.reason());
    assertEquals("300", price.evidence().get(0).text());
  }

  @Test
  void shouldScoreAnOrdinaryListingZeroWithoutLead() {
    var a = assess(Fixtures.listing("3", "南通 蓝印花布 桌旗", "58", "home_textiles"));

    assertEquals(0.0, a.score());
    assertFalse(a.lead());
    assertEquals(InfringementType.NONE, a.infringementType());
    assertTrue(a.signals().isEmpty());
  }

  @Test
  void shouldKeepSlangWithoutABrandBelowTheLeadThreshold() {
    // "一比一" on an unbranded product is a claim of likeness, not a trademark infringement.
    var a = assess(Fixtures.listing("4", "一比一 仿真 绿植 盆栽 客厅", "39", "home"));

    assertEquals(45.0, a.score());
    assertFalse(a.lead());
  }

  @Test
  void shouldIgnoreABrandNamedOnlyAsWhatAnAccessoryFits() {
    var a = assess(Fixtures.listing("5", "适用于苹果 iPhone 15 手机壳 磁吸", "19.9", "electronics"));

    assertEquals(0.0, a.score());
    assertNull(a.brandId());
  }

  @Test
  void shouldIgnoreTheBrandInItsOwnOfficialShop() {
    var a =
        assess(Fixtures.listing("6", "路易威登 Neverfull 手袋", "300", "luxury_bags", "s6", "路易威登官方旗舰店"));

    assertFalse(types(a).contains(SignalType.BRAND_MENTION));
    assertFalse(a.lead());
  }

  @Test
  void shouldNotCompareAPriceWithTheBandOfAnotherCategory() {
    // 苹果 the fruit is cheap, and that says nothing about iPhones.
    var a = assess(Fixtures.listing("7", "烟台 红富士 苹果 5斤 新鲜", "29.9", "food"));

    assertFalse(types(a).contains(SignalType.PRICE_BELOW_BAND));
    assertFalse(a.lead());
  }

  @Test
  void shouldTakeTheInfringementTypeFromTheStrongestTextRule() {
    var a = assess(Fixtures.listing("8", "路易威登 设计软件 破解版", "5", "software"));

    assertEquals(InfringementType.PIRACY_COPYRIGHT, a.infringementType());
    assertTrue(a.lead());
  }
}
