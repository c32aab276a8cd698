package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.BrandProtection;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
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
    // ¥2800: under the band of ¥5000-50000, yet not so far under that the price alone counts.
    var a = assess(Fixtures.listing("1", "驴牌 老花 高仿 手袋", "2800", "luxury_bags"));

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

  // ---- Official shops -------------------------------------------------------------------------

  @Test
  void shouldTreatAShopJoiningTheBrandsNameWithAnOfficialMarkerAsTheBrandsOwn() {
    // Not in the registry's list, but the platform only lets the rights holder call a shop so.
    var a =
        assess(
            Fixtures.listing("o1", "路易威登 Neverfull 手袋", "300", "luxury_bags", "s", "路易威登抖音官方旗舰店"));

    assertTrue(a.signals().isEmpty(), a.signals().toString());
    assertEquals(0.0, a.score());
    assertNull(a.brandId());
  }

  @Test
  void shouldReadShopNamesWithoutCaseOrSpaces() {
    var a =
        assess(Fixtures.listing("o2", "Chanel 山茶花 手袋", "900", "luxury_bags", "s", "CHANEL 自营店"));

    assertFalse(types(a).contains(SignalType.BRAND_MENTION));
  }

  @Test
  void shouldNotTakeAShopWithTheBrandsNameButNoOfficialMarkerForTheBrandsOwn() {
    var a =
        assess(Fixtures.listing("o3", "路易威登 Neverfull 手袋", "300", "luxury_bags", "s", "路易威登精品店"));

    assertTrue(types(a).contains(SignalType.BRAND_MENTION));
    assertTrue(a.lead());
  }

  @Test
  void shouldNotFindALatinBrandNameInsideALongerWordOfTheShopName() {
    // LV is a name of the brand, but LVMH集团 is another word.
    var a = assess(Fixtures.listing("o4", "LV 老花 手袋", "300", "luxury_bags", "s", "LVMH集团官方旗舰店"));

    assertTrue(types(a).contains(SignalType.BRAND_MENTION));
  }

  // ---- Compatibility ---------------------------------------------------------------------------

  @Test
  void shouldIgnoreEveryBrandOfAListAfterOneCompatibilityMarker() {
    var brands = List.of(Fixtures.APPLE, HUAWEI);
    var listing = Fixtures.listing("c1", "适用苹果/华为 快充数据线 一拖二", "9.9", "electronics");

    var a = assess(listing, brands);

    assertNull(a.brandId(), a.signals().toString());
    assertEquals(0.0, a.score());
  }

  // ---- Unit price of bulk listings --------------------------------------------------------------

  @Test
  void shouldCompareThePricePerRetailUnitOfABulkListing() {
    var a = assess(Fixtures.listing("u1", "白药牙膏 210g*10支 整箱批发", "29.9", "drugs"), List.of(BAIYAO));

    var price = signal(a, SignalType.PRICE_BELOW_BAND);
    assertTrue(
        price.reason().startsWith("Unit price ¥2.99 (¥29.9 for 10 units: 10支)"), price.reason());
    assertEquals(List.of("29.9", "10支"), evidenceTexts(price));
    assertTrue(a.lead());
    assertEquals(a.score(), sum(a), 0.05);
  }

  @Test
  void shouldComparePricesInAnotherCategoryWhenARegisteredNameOfThreeCharactersIsUsed() {
    // 云南白药 is registered for drugs; its toothpaste is still its goods.
    var a =
        assess(
            Fixtures.listing("x1", "云南白药牙膏 家庭装 *10支", "29.9", "cosmetics"), List.of(YUNNAN_BAIYAO));

    assertTrue(a.lead(), () -> "signals " + a.signals());
    assertEquals(
        "Unit price ¥2.99", signal(a, SignalType.PRICE_BELOW_BAND).reason().substring(0, 16));
  }

  @Test
  void shouldNotComparePricesInAnotherCategoryForANickname() {
    // 白药 is only a nickname: in another category it may be anything.
    var a = assess(Fixtures.listing("x2", "白药 花盆 陶瓷 *10个", "9.9", "home"), List.of(YUNNAN_BAIYAO));

    assertFalse(
        a.signals().stream().anyMatch(s -> s.type() == SignalType.PRICE_BELOW_BAND),
        () -> "signals " + a.signals());
    assertFalse(a.lead());
  }

  @Test
  void shouldCountUnitsWrittenAsPacksCasesAndMultiplication() {
    assertUnitPrice("白药 喷雾 5瓶装", "100", "¥20.00");
    assertUnitPrice("白药 喷雾 整箱6瓶", "120", "¥20.00");
    assertUnitPrice("白药 喷雾 85g x12", "240", "¥20.00");
    assertUnitPrice("白药 喷雾 五瓶装", "100", "¥20.00");
  }

  @Test
  void shouldDoubleTheUnitsOfBuyOneGetOneFree() {
    assertUnitPrice("白药 喷雾 5瓶装 买一送一", "200", "¥20.00");
  }

  @Test
  void shouldNotDivideThePriceByWhatOneUnitHolds() {
    // 200 capsules, 10 pills, 500 g, 30 jin and 100 ml are the contents of one package.
    for (String title :
        List.of(
            "白药 胶囊 0.25g*200粒", "白药 丸 10丸", "白药 粉 500g", "白药 药材 30斤", "白药 喷雾 100ml", "白药 贴 4件套")) {
      var a = assess(Fixtures.listing("u2", title, "20", "drugs"), List.of(BAIYAO));

      assertFalse(types(a).contains(SignalType.PRICE_BELOW_BAND), title);
      assertTrue(types(a).contains(SignalType.PRICE_WITHIN_BAND), title);
      assertTrue(signal(a, SignalType.PRICE_WITHIN_BAND).reason().startsWith("Price ¥20 "), title);
    }
  }

  @Test
  void shouldNotReadSizesConditionsOrDurationsAsUnits() {
    for (String title :
        List.of("白药 热敷贴 40x60cm", "白药 满2件包邮", "白药 第2件半价", "白药 会员 12个月", "白药 10件起批")) {
      var a = assess(Fixtures.listing("u3", title, "20", "drugs"), List.of(BAIYAO));

      assertFalse(types(a).contains(SignalType.PRICE_BELOW_BAND), title);
    }
  }

  // ---- A price within the band ------------------------------------------------------------------

  @Test
  void shouldTakePointsOffAGenuinePriceAndKeepContributionsAddingUpToTheScore() {
    // A used genuine bag at market price: the brand is named, and the price is a genuine one's.
    var a = assess(Fixtures.listing("w1", "闲置 香奈儿 CF 中号 有发票", "38000", "luxury_bags"));

    assertEquals(List.of(SignalType.BRAND_MENTION, SignalType.PRICE_WITHIN_BAND), types(a));
    var within = signal(a, SignalType.PRICE_WITHIN_BAND);
    assertEquals(-20.0, within.contribution());
    assertTrue(within.reason().contains("within the reference band ¥10000-"), within.reason());
    assertEquals(5.0, a.score());
    assertEquals(a.score(), sum(a), 0.05);
  }

  @Test
  void shouldKeepWeakWordsOnAGenuinePriceBelowTheThreshold() {
    var slang = Fixtures.REPLICA_SLANG;
    var a =
        assess(
            Fixtures.listing("w2", "香奈儿 山茶花 手袋 一比一", "12000", "luxury_bags"),
            List.of(Fixtures.CHANEL),
            List.of(slang));

    // 45 for the words and 25 for the brand, less 20 for a price a genuine bag has.
    assertEquals(50.0, a.score());
    assertFalse(a.lead());
  }

  @Test
  void shouldNeverTakeTheScoreBelowZero() {
    var scorer = new Scorer(ScoringSettings.DEFAULTS.withPrice(35, 0.3, 60));
    var listing = Fixtures.listing("w3", "香奈儿 手袋 有发票", "15000", "luxury_bags");

    var a =
        scorer.assess(listing, Fixtures.matcher().match(listing), Fixtures.brands(), Fixtures.NOW);

    assertEquals(0.0, a.score());
    assertEquals(-25.0, signal(a, SignalType.PRICE_WITHIN_BAND).contribution());
    assertEquals(a.score(), sum(a), 0.05);
    assertFalse(a.lead());
  }

  @Test
  void shouldTakeTheCreditOffAfterCappingAtHundred() {
    var scorer = new Scorer(ScoringSettings.DEFAULTS.withPrice(35, 0.3, 20));
    var heavy =
        new Rule(
            "heavy", 1, "\"高仿\"", InfringementType.COUNTERFEIT_TRADEMARK, null, 90, null, true, "");
    var listing = Fixtures.listing("w4", "香奈儿 手袋 高仿", "15000", "luxury_bags");

    var matcher = Fixtures.matcher(List.of(heavy), List.of(Fixtures.CHANEL));
    var a =
        scorer.assess(
            listing,
            matcher.match(listing),
            new BrandRegistry(List.of(Fixtures.CHANEL)),
            Fixtures.NOW);

    assertEquals(80.0, a.score());
    assertEquals(a.score(), sum(a), 0.05);
  }

  // ---- Infringement of a brand by what is sold
  // ----------------------------------------------------

  @Test
  void shouldNameACheapPesticideBrandASubstandardAgriculturalInput() {
    var a =
        assess(
            Fixtures.listing("t1", "先正达 杀菌剂 10袋 正品 特价", "12", "agri_pesticide"), List.of(SYNGENTA));

    assertTrue(a.lead(), a.signals().toString());
    assertEquals(InfringementType.SUBSTANDARD_AGRI_INPUT, a.infringementType());
  }

  // ---- Implausible claims -----------------------------------------------------------------------

  @Test
  void shouldFlagAFertiliserClaimingMoreNutrientsThanCanExist() {
    var a = assess(Fixtures.listing("n1", "控释肥 28-28-28 含量84% 50kg 通用", "75", "agri_fertilizer"));

    var claim = signal(a, SignalType.IMPLAUSIBLE_CLAIM);
    assertEquals("28-28-28", claim.evidence().get(0).text());
    assertTrue(claim.reason().startsWith("Claims 84% total nutrients"), claim.reason());
    assertTrue(a.lead());
    assertEquals(InfringementType.SUBSTANDARD_AGRI_INPUT, a.infringementType());
  }

  @Test
  void shouldAcceptARealisticFertiliserGradeAndIgnoreNumbersOfOtherProducts() {
    assertTrue(
        assess(Fixtures.listing("n2", "复合肥 26-10-12 总养分48% 40kg", "188", "agri_fertilizer"))
            .signals()
            .isEmpty());
    assertTrue(
        assess(Fixtures.listing("n3", "减肥茶 含量90% 2024-12-31", "88", "food")).signals().isEmpty());
  }

  // ---- Settings ---------------------------------------------------------------------------------

  @Test
  void shouldRefuseContentsOfOneUnitAsRetailUnits() {
    var d = ScoringSettings.DEFAULTS;
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ScoringSettings(
                    d.brandMentionWeight(),
                    d.priceBelowBandWeight(),
                    d.priceBandRatio(),
                    d.priceWithinBandWeight(),
                    d.leadThreshold(),
                    d.compatibilityMarkers(),
                    d.officialShopMarkers(),
                    List.of("瓶", "粒"),
                    d.implausibleNutrientWeight(),
                    d.maxPlausibleNutrientPercent(),
                    d.brandTypeByCategory(),
                    d.categoryPoints(),
                    d.seasonalWindows(),
                    d.crossBorderWeight()));
    assertTrue(e.getMessage().contains("粒"), e.getMessage());
  }

  @Test
  void shouldRefuseAWithinBandWeightOutsideZeroToHundred() {
    assertThrows(
        IllegalArgumentException.class, () -> ScoringSettings.DEFAULTS.withPrice(35, 0.3, -5));
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private static final Brand HUAWEI =
      new Brand(
          "huawei",
          List.of("华为"),
          List.of(),
          "Huawei",
          "electronics",
          BrandProtection.WELL_KNOWN,
          new BigDecimal("99"),
          null,
          List.of(),
          1);

  /** Registered under its full name, with a two-character nickname. */
  private static final Brand YUNNAN_BAIYAO =
      new Brand(
          "yunnan-baiyao",
          List.of("云南白药"),
          List.of("白药"),
          "Yunnan Baiyao",
          "drugs",
          BrandProtection.TIME_HONORED,
          new BigDecimal("15"),
          new BigDecimal("300"),
          List.of(),
          1);

  private static final Brand BAIYAO =
      new Brand(
          "baiyao",
          List.of("白药"),
          List.of(),
          "Yunnan Baiyao",
          "drugs",
          BrandProtection.TIME_HONORED,
          new BigDecimal("15"),
          new BigDecimal("300"),
          List.of(),
          1);

  private static final Brand SYNGENTA =
      new Brand(
          "syngenta",
          List.of("先正达"),
          List.of(),
          "Syngenta",
          "agri_pesticide",
          BrandProtection.REGISTERED,
          new BigDecimal("20"),
          new BigDecimal("400"),
          List.of(),
          1);

  private Assessment assess(Listing listing, List<Brand> brands) {
    return assess(listing, brands, List.of());
  }

  private Assessment assess(Listing listing, List<Brand> brands, List<Rule> rules) {
    return scorer.assess(
        listing,
        Fixtures.matcher(rules, brands).match(listing),
        new BrandRegistry(brands),
        Fixtures.NOW);
  }

  /** A listing of BAIYAO at {@code price} must be compared at {@code unitPrice}. */
  private void assertUnitPrice(String title, String price, String unitPrice) {
    var a = assess(Fixtures.listing("u", title, price, "drugs"), List.of(BAIYAO));

    var band =
        a.signals().stream()
            .filter(
                s ->
                    s.type() == SignalType.PRICE_WITHIN_BAND
                        || s.type() == SignalType.PRICE_BELOW_BAND)
            .findFirst()
            .orElseThrow(() -> new AssertionError(title + ": no price signal in " + a.signals()));
    assertTrue(band.reason().startsWith("Unit price " + unitPrice), title + ": " + band.reason());
  }

  private static Signal signal(Assessment a, SignalType type) {
    return a.signals().stream()
        .filter(s -> s.type() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + a.signals()));
  }

  private static List<String> evidenceTexts(Signal signal) {
    return signal.evidence().stream().map(Evidence::text).toList();
  }
}
