package org.iprradar.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.match.RuleHit;
import org.junit.jupiter.api.Test;

/** How each kind of record on the rules and brands topics changes the rule book. */
class FeedApplierTest {

  private final RuleBook book = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);
  private final FeedApplier applier = new FeedApplier(book);
  private long offset;

  // A slang word no fixture rule knows, so only the rule under test fires on it.
  private static Rule slang(int version, String query, boolean enabled) {
    return new Rule(
        "slang-deer",
        version,
        query,
        InfringementType.COUNTERFEIT_TRADEMARK,
        null,
        50,
        null,
        enabled,
        "deer-label slang");
  }

  private ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
    return new ConsumerRecord<>(
        topic, 0, offset++, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
  }

  private ConsumerRecord<byte[], byte[]> rule(Rule rule) {
    return record(
        Topics.RULES.name(), rule.id(), Topics.RULES.valueSerde().serializer().serialize("", rule));
  }

  private ConsumerRecord<byte[], byte[]> rule(String key, String json) {
    return record(
        Topics.RULES.name(), key, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private ConsumerRecord<byte[], byte[]> brand(Brand brand) {
    return record(
        Topics.BRANDS.name(),
        brand.brandId(),
        Topics.BRANDS.valueSerde().serializer().serialize("", brand));
  }

  private FeedBatch apply(ConsumerRecord<byte[], byte[]> first) {
    return applier.apply(List.of(first));
  }

  /** Rule id -> version of the text rules in force. */
  private Map<String, Integer> rulesInForce() {
    return book.get().matcher().rules().stream()
        .filter(r -> r.brandId() == null)
        .collect(Collectors.toMap(MatchRule::id, MatchRule::version));
  }

  private List<String> hits(String title) {
    return book
        .get()
        .matcher()
        .match(Fixtures.listing("l-" + offset, title, "100", "luxury_bags"))
        .hits()
        .stream()
        .map(RuleHit::rule)
        .map(MatchRule::id)
        .toList();
  }

  @Test
  void shouldPutANewRuleInForce() {
    var batch = apply(rule(slang(1, "\"鹿标特供\"", true)));

    assertEquals(1, batch.rulesPut());
    assertTrue(batch.published());
    assertEquals(Map.of("slang-deer", 1), rulesInForce());
    assertEquals(List.of("slang-deer"), hits("冲锋衣 鹿标特供"));
  }

  @Test
  void shouldReplaceARuleWithItsNewVersion() {
    apply(rule(slang(1, "\"鹿标特供\"", true)));

    apply(rule(slang(2, "\"鹿标通货\"", true)));

    assertEquals(Map.of("slang-deer", 2), rulesInForce());
    assertEquals(List.of(), hits("冲锋衣 鹿标特供"), "version 1's query is gone");
    assertEquals(List.of("slang-deer"), hits("冲锋衣 鹿标通货"));
  }

  @Test
  void shouldTakeOutADisabledRule() {
    apply(rule(slang(1, "\"鹿标特供\"", true)));

    var batch = apply(rule(slang(2, "\"鹿标特供\"", false)));

    assertEquals(1, batch.rulesRemoved());
    assertTrue(batch.published());
    assertEquals(Map.of(), rulesInForce());
    assertEquals(List.of(), hits("冲锋衣 鹿标特供"));
  }

  @Test
  void shouldDeleteARuleOnATombstoneEvenWhenItCameFromTheYamlFiles() {
    // Given a rule loaded from YAML, as DetectFactory does
    book.putRule(Fixtures.REPLICA_SLANG);
    book.publish();

    var batch = apply(rule(Fixtures.REPLICA_SLANG.id(), null));

    assertEquals(1, batch.rulesRemoved());
    assertEquals(Map.of(), rulesInForce());
    assertEquals(List.of(), hits("手袋 高仿"));
  }

  @Test
  void shouldOverrideAYamlRuleOfTheSameIdWhateverItsVersion() {
    book.putRule(Fixtures.REPLICA_SLANG); // version 3, matches 高仿
    book.publish();

    apply(
        rule(
            new Rule(
                Fixtures.REPLICA_SLANG.id(),
                1,
                "\"精仿\"",
                InfringementType.COUNTERFEIT_TRADEMARK,
                null,
                45,
                null,
                true,
                "narrowed")));

    assertEquals(Map.of(Fixtures.REPLICA_SLANG.id(), 1), rulesInForce());
    assertEquals(List.of(), hits("手袋 高仿"));
    assertEquals(List.of(Fixtures.REPLICA_SLANG.id()), hits("手袋 精仿"));
  }

  @Test
  void shouldKeepThePreviousVersionWhenTheNewQueryDoesNotParse() {
    apply(rule(slang(1, "\"鹿标特供\"", true)));
    long before = book.get().version();

    var batch = apply(rule(slang(2, "(\"鹿标特供\" OR \"鹿标通货\"", true)));

    assertEquals(1, batch.rejections().size());
    String reason = batch.rejections().get(0).reason();
    assertTrue(reason.startsWith("rule slang-deer: "), reason);
    assertTrue(reason.contains("Cannot parse"), reason);
    assertFalse(reason.contains("\n"), "one line for headers and logs");
    assertFalse(batch.published(), "nothing changed, nothing rebuilt");
    assertEquals(before, book.get().version());
    assertEquals(Map.of("slang-deer", 1), rulesInForce());
    assertEquals(List.of("slang-deer"), hits("冲锋衣 鹿标特供"));
  }

  @Test
  void shouldRejectUnreadableRecordsWithTheirReasonAndApplyTheRestOfTheBatch() {
    var records =
        List.of(
            rule("bad-json", "{\"id\": \"bad-json\", \"query\": "), // 0: truncated JSON
            rule("no-type", "{\"id\":\"no-type\",\"query\":\"x\",\"weight\":5,\"enabled\":true}"),
            rule(
                "heavy",
                "{\"id\":\"heavy\",\"query\":\"x\",\"infringementType\":"
                    + "\"COUNTERFEIT_TRADEMARK\",\"weight\":500,\"enabled\":true}"), // 2: weight
            record(
                Topics.RULES.name(),
                "other-id",
                Topics.RULES.valueSerde().serializer().serialize("", slang(1, "\"鹿标\"", true))),
            rule(null, "{}"), // 4: no key
            rule(
                "slang-deer",
                "{\"id\":\"slang-deer\",\"query\":\"\\\"鹿标特供\\\"\","
                    + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":50}"), // 5
            rule(slang(1, "\"鹿标特供\"", true)), // 6: good
            record(
                Topics.BRANDS.name(),
                "nameless",
                "{\"brandId\":\"nameless\"}"
                    .getBytes(StandardCharsets.UTF_8))); // 7: a brand needs a name

    var batch = applier.apply(records);

    var reasons = new ArrayList<String>();
    batch.rejections().forEach(r -> reasons.add(r.record().offset() + " " + r.reason()));
    assertEquals(7, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("0 rule bad-json: not a valid Rule"), reasons.get(0));
    assertTrue(reasons.get(1).contains("infringementType"), reasons.get(1));
    assertTrue(reasons.get(2).contains("weight must be within 0..100"), reasons.get(2));
    assertEquals("3 key other-id does not match the rule id slang-deer", reasons.get(3));
    assertEquals("4 a rules record needs the rule id as its key", reasons.get(4));
    assertEquals("5 rule slang-deer: enabled must be given as true or false", reasons.get(5));
    assertTrue(reasons.get(6).startsWith("7 brand nameless: "), reasons.get(6));
    assertTrue(reasons.get(6).contains("needs at least one name"), reasons.get(6));
    assertEquals(
        "topic rules partition 0 offset 3 key other-id", batch.rejections().get(3).where());
    assertEquals(1, batch.rulesPut(), "the good record of the batch is applied");
    assertEquals(Map.of("slang-deer", 1), rulesInForce());
  }

  @Test
  void shouldPublishOnceForAWholeBatch() {
    long before = book.get().version();
    var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
    for (int i = 0; i < 2_000; i++) {
      records.add(
          rule(
              new Rule(
                  "bulk-" + i,
                  1,
                  "\"鹿标" + i + "\"",
                  InfringementType.COUNTERFEIT_TRADEMARK,
                  null,
                  10,
                  null,
                  true,
                  null)));
    }
    records.add(brand(Fixtures.GUCCI));

    var batch = applier.apply(records);

    assertEquals(2_000, batch.rulesPut());
    assertEquals(1, batch.brandsPut());
    assertEquals(before + 1, batch.publishedVersion(), "one rebuild for the batch");
    assertEquals(before + 1, book.get().version());
    assertEquals(2_001, book.get().matcher().rules().size());
  }

  @Test
  void shouldPutReplaceAndDeleteBrands() {
    apply(brand(Fixtures.GUCCI));
    assertEquals(List.of("brand:gucci"), hits("古驰 手袋"));
    assertTrue(book.get().brands().find("gucci").isPresent());

    var renamed =
        new Brand(
            "gucci",
            List.of("古驰"),
            List.of("G家"),
            "Kering",
            "luxury_bags",
            null,
            null,
            null,
            List.of(),
            2);
    apply(brand(renamed));
    assertEquals(List.of("brand:gucci"), hits("G家 手袋"));
    assertEquals(2, book.get().brands().find("gucci").orElseThrow().version());

    var batch = apply(record(Topics.BRANDS.name(), "gucci", null));

    assertEquals(1, batch.brandsRemoved());
    assertEquals(List.of(), hits("古驰 手袋"));
    assertTrue(book.get().brands().find("gucci").isEmpty());
  }

  @Test
  void shouldRejectABrandWhoseKeyIsNotItsId() {
    var batch =
        apply(
            record(
                Topics.BRANDS.name(),
                "kering",
                Topics.BRANDS.valueSerde().serializer().serialize("", Fixtures.GUCCI)));

    assertEquals(
        "key kering does not match the brand id gucci", batch.rejections().get(0).reason());
    assertFalse(batch.published());
  }
}
