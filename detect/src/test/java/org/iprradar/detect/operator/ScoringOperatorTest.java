package org.iprradar.detect.operator;

import static org.iprradar.detect.operator.ConfigValidatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.ScoringBook;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.score.SellerContext;
import org.iprradar.detect.score.SellerHistoryWeights;
import org.junit.jupiter.api.Test;

/** Thresholds and weights saved with validation and history, and previewed without writing. */
class ScoringOperatorTest {

  private static final Instant AT = Instant.parse("2026-11-29T09:30:00Z");
  private static final Listing CRACKED =
      Fixtures.listing("c1", "Photoshop 破解版 永久激活", "5", "software");
  private static final Listing BAG = Fixtures.listing("b1", "路易威登 女士 手提包", "300", "luxury_bags");
  private static final Listing PLAIN = Fixtures.listing("p1", "纯棉 T恤 夏季", "39", "clothing");

  private final RuleBook rules = Fixtures.ruleBook();
  private final ScoringBook book =
      new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
  private final MemoryLog log = new MemoryLog(rules, book);
  private final RecentListings recent = new RecentListings(100);
  private final ScoringOperator scoring =
      new ScoringOperator(book, rules, recent, log, Clock.fixed(AT, ZoneOffset.UTC));

  ScoringOperatorTest() {
    for (Listing listing : List.of(CRACKED, BAG, PLAIN)) {
      recent.record(listing, SellerContext.of(null), List.of());
    }
  }

  private ScoringPreview preview(String key, String settings) {
    return scoring.preview(new ScoringPreviewRequest(key, json(settings), null, null, null, null));
  }

  @Test
  void everyBadFieldIsReportedWithItsFieldAndNothingIsWritten() {
    var e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                scoring.save(
                    "default",
                    json(
                        "{'leadThreshold':120,'brandMentionWeight':'high','leadTreshold':50,"
                            + "'categoryPoints':5,'networkShare':1,'description':3}"),
                    "alice"));

    assertEquals(
        Set.of(
            "leadThreshold",
            "brandMentionWeight",
            "leadTreshold",
            "categoryPoints",
            "networkShare",
            "description"),
        e.problems().stream().map(Problem::field).collect(Collectors.toSet()),
        e.problems()::toString);
    assertTrue(e.problems().stream().allMatch(p -> p.id().equals("default")));
    assertTrue(
        e.problems().stream()
            .anyMatch(p -> p.field().equals("leadThreshold") && p.message().contains("120")));
    assertTrue(log.changes.isEmpty());
    assertTrue(book.entries().isEmpty());
  }

  @Test
  void aKeyThatIsNoCategoryIsRefused() {
    var e =
        assertThrows(
            InvalidConfigException.class,
            () -> scoring.save("Food Stalls", json("{'leadThreshold':50}"), "alice"));

    assertEquals("key", e.problems().get(0).field());
  }

  @Test
  void historyRecordsWhoChangedWhichSettingAndTheSettingsApply() {
    scoring.save("software", json("{'leadThreshold':70,'description':'fewer'}"), "alice");
    scoring.save(
        "software", json("{'leadThreshold':65,'networkCap':5,'description':'fewer'}"), "bob");

    assertEquals(
        65.0,
        scoring.view().categories().stream()
            .filter(c -> c.key().equals("software"))
            .findFirst()
            .orElseThrow()
            .values()
            .get("leadThreshold"));
    assertEquals(5.0, book.get().forCategory("software").contextWeights().networkCap());
    assertEquals(60.0, book.get().fallback().settings().leadThreshold());

    assertTrue(scoring.delete("software", "carol"));
    assertFalse(scoring.delete("software", "carol"));

    var history = scoring.history("software");
    assertEquals(
        List.of("CREATE", "UPDATE", "DELETE"), history.stream().map(ConfigChange::action).toList());
    assertEquals(
        List.of("alice", "bob", "carol"), history.stream().map(ConfigChange::changedBy).toList());
    assertEquals(List.of(1, 2, 2), history.stream().map(ConfigChange::version).toList());
    assertEquals(List.of("leadThreshold", "networkCap"), history.get(1).changedFields());
    assertEquals(70, history.get(1).before().get("leadThreshold").asInt());
    assertEquals(65, history.get(1).after().get("leadThreshold").asInt());
    assertNull(history.get(2).after());
    assertTrue(history.stream().allMatch(c -> c.changedAt().equals(AT)));
    assertTrue(book.entries().isEmpty());

    // Deleted and created again, it does not reuse a version its assessments once reported.
    assertEquals(3, scoring.save("software", json("{'leadThreshold':50}"), "dave").version());
  }

  @Test
  void theViewLayersCategoryOverDefaultOverStartUp() {
    scoring.save("default", json("{'leadThreshold':70,'sellerHistoryCap':20}"), "alice");
    scoring.save("food", json("{'leadThreshold':50,'categoryPoints':12}"), "alice");

    var view = scoring.view();
    assertEquals(70.0, view.defaults().values().get("leadThreshold"));
    assertEquals(
        ScoringSettings.DEFAULTS.brandMentionWeight(),
        view.defaults().values().get("brandMentionWeight"));
    var food =
        view.categories().stream().filter(c -> c.key().equals("food")).findFirst().orElseThrow();
    assertEquals(50.0, food.values().get("leadThreshold"));
    assertEquals(12.0, food.values().get("categoryPoints"));
    assertEquals(20.0, food.values().get("sellerHistoryCap"));
    assertEquals(50.0, food.entry().leadThreshold());
    assertNull(food.entry().sellerHistoryCap());
  }

  @Test
  void aCategoryThresholdShowsTheLeadThatWouldDisappearInThatCategoryOnly() {
    var result = preview("software", "{'leadThreshold':90}");

    assertEquals(3, result.listings());
    assertEquals(
        List.of(Lead.key("taobao", CRACKED.sellerId(), InfringementType.PIRACY_COPYRIGHT)),
        result.goneLeads());
    assertTrue(result.newLeads().isEmpty());
    assertEquals(result.leadListingsBefore() - 1, result.leadListingsAfter());
    var software = result.byCategory().get(0);
    assertEquals("software", software.category());
    assertEquals(1, software.leadsBefore());
    assertEquals(0, software.leadsAfter());
    assertTrue(
        result.byCategory().stream()
            .filter(c -> !c.category().equals("software"))
            .allMatch(c -> c.leadsBefore() == c.leadsAfter()),
        result.byCategory()::toString);
  }

  @Test
  void aWeightTheDryRunDoesNotCoverShowsScoresBeforeAndAfter() {
    var before = preview("default", "{'brandMentionWeight':25}").examples();
    assertTrue(before.isEmpty(), "the weight in force moves nothing: " + before);

    var result = preview("default", "{'brandMentionWeight':0,'priceBelowBandWeight':0}");

    var bag =
        result.examples().stream()
            .filter(e -> e.listingKey().equals(BAG.key()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(result.toString()));
    assertTrue(bag.scoreAfter() < bag.scoreBefore(), bag::toString);
    assertEquals("luxury_bags", bag.category());
    // 25 for the brand and 35 for the price reached the threshold of 60; nothing is left.
    assertTrue(bag.leadBefore() && !bag.leadAfter(), bag::toString);
    assertTrue(result.goneLeads().contains(bag.leadKey()), result::toString);
  }

  @Test
  void anInvalidPreviewIsRefusedLikeASave() {
    var e =
        assertThrows(
            InvalidConfigException.class, () -> preview("default", "{'leadThreshold':-1}"));

    assertEquals("leadThreshold", e.problems().get(0).field());
  }

  /** A preview builds its own scorers: no record reaches a producer and the book is unchanged. */
  @Test
  void aPreviewWritesToNoTopicAndLeavesTheSettingsInForceAlone() {
    var producer =
        new MockProducer<String, byte[]>(
            true, null, new StringSerializer(), new ByteArraySerializer());
    var kafka =
        new ScoringOperator(
            book, rules, recent, new KafkaOperatorLog(producer, null), Clock.systemUTC());
    book.put("software", entry("{'version':1,'leadThreshold':55}"));
    var live = book.publish();
    var entries = book.entries();

    kafka.preview(
        new ScoringPreviewRequest("default", json("{'leadThreshold':10}"), null, null, null, null));
    kafka.preview(new ScoringPreviewRequest("software", null, true, null, null, null));

    assertTrue(producer.history().isEmpty(), () -> producer.history().toString());
    assertSame(live, book.get());
    assertEquals(entries, book.entries());
    assertEquals(3, recent.size());
  }

  private static ScoringOverride entry(String text) {
    try {
      return org.iprradar.common.json.Json.mapper().treeToValue(json(text), ScoringOverride.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
