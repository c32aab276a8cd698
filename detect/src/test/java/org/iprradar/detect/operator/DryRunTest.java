package org.iprradar.detect.operator;

import static org.iprradar.detect.operator.ConfigValidatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.ScorerSet;
import org.iprradar.detect.score.SellerContext;
import org.junit.jupiter.api.Test;

/** What a draft rule or threshold would do, found without changing anything live. */
class DryRunTest {

  private final RuleBook book = Fixtures.ruleBook();
  private final ScorerSet scorers = ScorerSet.of(Fixtures.scorer());
  private final RecentListings recent = new RecentListings(100);
  private final DryRun dryRun =
      new DryRun(book, () -> scorers, recent, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

  private static final Listing DEER = Fixtures.listing("d1", "正品 鹿标 运动鞋 包邮", "99", "shoes");
  private static final Listing CRACKED = Fixtures.listing("c1", "Photoshop 破解版 永久激活", "5", null);
  private static final Listing PLAIN = Fixtures.listing("p1", "纯棉 T恤 夏季", "39", "clothing");

  DryRunTest() {
    for (Listing listing : List.of(DEER, CRACKED, PLAIN)) {
      recent.record(listing, SellerContext.of(null), List.of());
    }
  }

  @Test
  void aDraftRuleShowsTheLeadItWouldAddWithHighlightedEvidence() {
    var result =
        dryRun.run(
            new DryRunRequest(
                json(
                    "{'id':'deer','query':'鹿标','infringementType':'COUNTERFEIT_TRADEMARK','weight':70}"),
                null,
                null,
                null,
                null));

    assertEquals("recent", result.source());
    assertEquals(3, result.listings());
    assertEquals(0, result.hitsBefore());
    assertEquals(1, result.hitsAfter());
    assertEquals(
        List.of(Lead.key("taobao", DEER.sellerId(), InfringementType.COUNTERFEIT_TRADEMARK)),
        result.newLeads());
    assertTrue(result.goneLeads().isEmpty());
    var example = result.examples().get(0);
    assertEquals(DEER.key(), example.listingKey());
    assertTrue(!example.leadBefore() && example.leadAfter(), example::toString);
    var evidence = example.evidence().get(0);
    assertEquals("title", evidence.field());
    assertEquals("鹿标", DEER.title().substring(evidence.start(), evidence.end()));
  }

  @Test
  void aLowerWeightShowsTheLeadThatWouldDisappear() {
    var rule = Fixtures.CRACKED_SOFTWARE;
    var result =
        dryRun.run(
            new DryRunRequest(
                json(
                    "{'id':'%s','query':'%s','infringementType':'%s','weight':20}"
                        .formatted(
                            rule.id(),
                            rule.query().replace("\"", "\\\""),
                            rule.infringementType())),
                null,
                null,
                null,
                null));

    assertEquals(1, result.hitsBefore());
    assertEquals(1, result.hitsAfter());
    assertEquals(1, result.leadListingsBefore());
    assertEquals(0, result.leadListingsAfter());
    assertEquals(
        List.of(Lead.key("taobao", CRACKED.sellerId(), InfringementType.PIRACY_COPYRIGHT)),
        result.goneLeads());
  }

  @Test
  void aSampleFileIsTriedInsteadOfTheRecentListingsAndBadLinesAreNamed() {
    var serde = new JsonSerde<>(Listing.class);
    String sample =
        new String(serde.write(DEER))
            + "\n{\"platform\":\"taobao\"}\n"
            + new String(serde.write(PLAIN));

    var result =
        dryRun.run(
            new DryRunRequest(
                json(
                    "{'id':'deer','query':'鹿标','infringementType':'COUNTERFEIT_TRADEMARK','weight':70}"),
                null,
                null,
                null,
                sample));

    assertEquals("sample", result.source());
    assertEquals(2, result.listings());
    assertEquals(1, result.sampleProblems().size());
    assertTrue(result.sampleProblems().get(0).startsWith("line 2"), result::toString);
  }

  @Test
  void aThresholdAloneCanBeTried() {
    var result = dryRun.run(new DryRunRequest(null, 100.0, null, null, null));

    assertEquals(1, result.leadListingsBefore());
    assertEquals(0, result.leadListingsAfter());
  }

  @Test
  void anInvalidDraftIsRefusedWithItsProblems() {
    var e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                dryRun.run(
                    new DryRunRequest(
                        json("{'id':'deer','query':'(鹿标','infringementType':'X','weight':70}"),
                        null,
                        null,
                        null,
                        null)));

    assertEquals(2, e.problems().size(), e.problems()::toString);
  }

  /**
   * The operator API's producer sees no record from a dry run, and the rules in force are the very
   * same set before and after, so that no live topic and no live listing is touched.
   */
  @Test
  void aDryRunWritesToNoTopicAndLeavesTheLiveRulesAlone() {
    var producer =
        new MockProducer<String, byte[]>(
            true, null, new StringSerializer(), new ByteArraySerializer());
    var log = new KafkaOperatorLog(producer, null);
    var service = new OperatorService(book, log, Clock.systemUTC());
    var live = book.get();
    var rulesBefore = service.rules();

    dryRun.run(
        new DryRunRequest(
            json(
                "{'id':'deer','query':'鹿标','infringementType':'COUNTERFEIT_TRADEMARK','weight':70}"),
            30.0,
            null,
            null,
            null));
    dryRun.run(
        new DryRunRequest(
            json(
                "{'id':'cracked','query':'破解版','infringementType':'PIRACY_COPYRIGHT','weight':1,'enabled':false}"),
            null,
            null,
            null,
            null));

    assertTrue(producer.history().isEmpty(), () -> producer.history().toString());
    assertSame(live, book.get());
    assertEquals(rulesBefore, service.rules());
    assertEquals(3, recent.size());
  }
}
