package org.iprradar.detect.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.SignalType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

class ListingMatcherTest {

  private final ListingMatcher matcher = Fixtures.matcher();

  private List<String> ruleIds(MatchResult result) {
    return result.hits().stream().map(h -> h.rule().id()).sorted().toList();
  }

  private Evidence evidenceOf(MatchResult result, String ruleId) {
    return result.hits().stream()
        .filter(h -> h.rule().id().equals(ruleId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hit of " + ruleId + " in " + result))
        .evidence()
        .get(0);
  }

  @Test
  void shouldReportTheOriginalTextAndOffsetsOfASlangHit() {
    String title = "新款 驴牌 老花包 高仿 原厂皮";

    var result = matcher.match(Fixtures.listing("1", title, "380", "luxury_bags"));

    assertEquals(List.of("brand:lv", "slang-replica"), ruleIds(result));
    int slang = title.indexOf("高仿");
    int brand = title.indexOf("驴牌");
    assertEquals(
        new Evidence("title", slang, slang + 2, "高仿"), evidenceOf(result, "slang-replica"));
    assertEquals(new Evidence("title", brand, brand + 2, "驴牌"), evidenceOf(result, "brand:lv"));
  }

  @Test
  void shouldMatchFullWidthAndMixedCaseLatinAndKeepOriginalOffsets() {
    // Full-width "ＬＯＵＩＳ　ＶＵＩＴＴＯＮ" folds to "louis vuitton"; evidence stays full-width.
    var listing = Fixtures.listing("2", "包邮 ＬＯＵＩＳ　ＶＵＩＴＴＯＮ 手袋", "500", "luxury_bags");

    var evidence = evidenceOf(matcher.match(listing), "brand:lv");

    assertEquals("ＬＯＵＩＳ　ＶＵＩＴＴＯＮ", evidence.text());
    assertEquals(3, evidence.start());
  }

  @Test
  void shouldMatchAChineseBrandSplitBySpacesOrPunctuation() {
    assertEquals(
        "路 易.威 登",
        evidenceOf(matcher.match(Fixtures.listing("3", "正品 路 易.威 登 钱包", "99", null)), "brand:lv")
            .text());
  }

  @Test
  void shouldMatchTraditionalChineseAgainstSimplifiedNames() {
    var evidence =
        evidenceOf(matcher.match(Fixtures.listing("4", "香奈兒 山茶花 項鍊", "88", null)), "brand:chanel");

    assertEquals("香奈兒", evidence.text());
  }

  @Test
  void shouldFindNothingInAnOrdinaryListing() {
    var result = matcher.match(Fixtures.listing("5", "南通 蓝印花布 桌旗 中式 手工", "58", "home_textiles"));

    assertTrue(result.hits().isEmpty(), () -> "unexpected hits " + result.hits());
  }

  @Test
  void shouldNotMatchCharactersOfASlangWordThatAreApart() {
    // 高 and 仿 both occur, but not as the word 高仿.
    var result = matcher.match(Fixtures.listing("6", "高腰 仿皮 短裙", "59", "apparel"));

    assertTrue(result.hits().isEmpty(), () -> "unexpected hits " + result.hits());
  }

  @Test
  void shouldReportAFailingRuleByIdAndStillMatchTheOthers() {
    var failing =
        new MatchRule(
            "broken",
            1,
            SignalType.TEXT_RULE,
            new FailingQuery(),
            InfringementType.COUNTERFEIT_TRADEMARK,
            null,
            10,
            null,
            "fails on purpose");
    var rules = new java.util.ArrayList<>(Fixtures.matcher().rules());
    rules.add(0, failing);
    var withFailure = new ListingMatcher(rules, new ListingAnalyzer());

    var result = withFailure.match(Fixtures.listing("7", "驴牌 高仿 包", "300", null));

    assertTrue(result.errors().containsKey("broken"), () -> "errors: " + result.errors());
    assertEquals(List.of("brand:lv", "slang-replica"), ruleIds(result));
  }

  /** A query whose weight cannot be built, standing in for a rule that breaks at match time. */
  private static final class FailingQuery extends Query {
    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
        throws IOException {
      throw new IllegalStateException("cannot evaluate");
    }

    @Override
    public String toString(String field) {
      return "failing";
    }

    @Override
    public void visit(QueryVisitor visitor) {}

    @Override
    public boolean equals(Object obj) {
      return obj == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
