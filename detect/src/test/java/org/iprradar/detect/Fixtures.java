package org.iprradar.detect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.BrandProtection;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.SellerPenalty;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.RuleCompiler;
import org.iprradar.detect.match.RuleSyntaxException;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.BrandRegistry;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringSettings;

/** Small rule and brand sets written for the tests, independent of the shipped starter pack. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  public static final Rule REPLICA_SLANG =
      new Rule(
          "slang-replica",
          3,
          "\"高仿\" OR \"一比一\" OR \"1:1\"",
          InfringementType.COUNTERFEIT_TRADEMARK,
          null,
          45,
          null,
          true,
          "replica slang");

  public static final Rule CRACKED_SOFTWARE =
      new Rule(
          "cracked",
          1,
          "\"破解版\" OR \"激活码\"",
          InfringementType.PIRACY_COPYRIGHT,
          null,
          60,
          null,
          true,
          "cracked software");

  public static final Brand LOUIS_VUITTON =
      new Brand(
          "lv",
          List.of("路易威登", "Louis Vuitton", "LV"),
          List.of("驴牌", "L家"),
          "LVMH",
          "luxury_bags",
          BrandProtection.FOREIGN,
          new BigDecimal("5000"),
          new BigDecimal("50000"),
          List.of("路易威登官方旗舰店"),
          1);

  public static final Brand CHANEL =
      new Brand(
          "chanel",
          List.of("香奈儿", "Chanel"),
          List.of("香家"),
          "Chanel",
          "luxury_bags",
          BrandProtection.FOREIGN,
          new BigDecimal("10000"),
          null,
          List.of(),
          2);

  public static final Brand GUCCI =
      new Brand(
          "gucci",
          List.of("古驰", "Gucci"),
          List.of(),
          "Kering",
          "luxury_bags",
          BrandProtection.FOREIGN,
          new BigDecimal("5000"),
          null,
          List.of(),
          1);

  public static final Brand NIKE =
      new Brand(
          "nike",
          List.of("耐克", "Nike"),
          List.of(),
          "Nike",
          "footwear",
          BrandProtection.FOREIGN,
          new BigDecimal("500"),
          null,
          List.of(),
          1);

  public static final Brand APPLE =
      new Brand(
          "apple",
          List.of("苹果", "iPhone"),
          List.of(),
          "Apple",
          "electronics",
          BrandProtection.FOREIGN,
          new BigDecimal("3000"),
          new BigDecimal("15000"),
          List.of("Apple Store官方旗舰店"),
          1);

  private Fixtures() {}

  public static ListingMatcher matcher(List<Rule> rules, List<Brand> brands) {
    var analyzer = new ListingAnalyzer();
    var compiler = new RuleCompiler(analyzer);
    var compiled = new ArrayList<MatchRule>();
    for (Rule rule : rules) {
      try {
        compiled.add(compiler.compile(rule));
      } catch (RuleSyntaxException e) {
        throw new AssertionError(e);
      }
    }
    brands.forEach(
        b -> compiled.add(compiler.compileBrand(b, ScoringSettings.DEFAULTS.brandMentionWeight())));
    return new ListingMatcher(compiled, analyzer);
  }

  public static ListingMatcher matcher() {
    return matcher(List.of(REPLICA_SLANG, CRACKED_SOFTWARE), List.of(LOUIS_VUITTON, CHANEL, APPLE));
  }

  public static Scorer scorer() {
    return new Scorer(ScoringSettings.DEFAULTS);
  }

  /** The brands of {@link #matcher()}. */
  public static BrandRegistry brands() {
    return new BrandRegistry(List.of(LOUIS_VUITTON, CHANEL, APPLE));
  }

  /** A published rule book holding the rules and brands of {@link #matcher()}. */
  public static RuleBook ruleBook() {
    var book =
        new RuleBook(
            new ListingAnalyzer(),
            ScoringSettings.DEFAULTS.brandMentionWeight(),
            org.iprradar.detect.match.Presearcher.TERM_FILTERED);
    List.of(REPLICA_SLANG, CRACKED_SOFTWARE).forEach(book::putRule);
    List.of(LOUIS_VUITTON, CHANEL, APPLE).forEach(book::putBrand);
    book.publish();
    return book;
  }

  public static Listing listing(String id, String title, String price, String category) {
    return listing(id, title, price, category, "seller-" + id, "");
  }

  public static Listing listing(
      String id, String title, String price, String category, String sellerId, String shopName) {
    return listing(id, title, "", shopName, new BigDecimal(price), sellerId, category);
  }

  /** A Taobao listing from seller region 320602 with every text field given. */
  public static Listing listing(
      String id,
      String title,
      String description,
      String shopName,
      BigDecimal price,
      String sellerId,
      String category) {
    return new Listing(
        "taobao",
        id,
        title,
        description,
        shopName,
        price,
        sellerId,
        "320602",
        category,
        10L,
        false,
        null,
        List.of(),
        NOW,
        1);
  }

  /**
   * A Taobao seller's record.
   *
   * @param blacklistedSince an ISO date, or null for a seller not on the blacklist
   */
  public static SellerRecord seller(
      String sellerId,
      String blacklistedSince,
      int confirmedAlerts,
      long version,
      SellerPenalty... penalties) {
    return new SellerRecord(
        "taobao",
        sellerId,
        List.of(penalties),
        blacklistedSince != null,
        blacklistedSince == null ? null : LocalDate.parse(blacklistedSince),
        confirmedAlerts,
        List.of(),
        version,
        NOW);
  }

  /** A penalty of ¥50,000 decided on an ISO date. */
  public static SellerPenalty penalty(String decisionNo, String date, String reason) {
    return new SellerPenalty(decisionNo, LocalDate.parse(date), reason, new BigDecimal("50000"));
  }
}
