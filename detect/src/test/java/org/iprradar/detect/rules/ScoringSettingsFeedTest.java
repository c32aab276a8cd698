package org.iprradar.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.score.ScoringBook;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.score.SellerHistoryWeights;
import org.junit.jupiter.api.Test;

/** How records of the scoring-settings topic change the settings in force, or are refused. */
class ScoringSettingsFeedTest {

  private final RuleBook rules = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);
  private final ScoringBook scoring =
      new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
  private final FeedApplier applier = new FeedApplier(rules, scoring);
  private long offset;

  private ConsumerRecord<byte[], byte[]> settings(String key, String json) {
    return new ConsumerRecord<>(
        Topics.SCORING_SETTINGS.name(),
        0,
        offset++,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private FeedBatch apply(ConsumerRecord<byte[], byte[]> record) {
    return applier.apply(List.of(record));
  }

  private double threshold(String category) {
    return scoring.get().forCategory(category).settings().leadThreshold();
  }

  @Test
  void shouldPutAnEntryInForceAndPublishTheSettingsButNotRebuildTheRules() {
    long rulesBefore = rules.get().version();

    var batch = apply(settings("food", "{\"version\": 3, \"leadThreshold\": 45}"));

    assertEquals(1, batch.settingsPut());
    assertTrue(batch.publishedSettings());
    assertEquals(scoring.get().version(), batch.settingsVersion());
    assertFalse(batch.published(), "the rule set is not rebuilt for a weight");
    assertEquals(rulesBefore, rules.get().version());
    assertEquals(45.0, threshold("food"));
    assertEquals(60.0, threshold("toys"), "other categories keep the start-up threshold");
  }

  @Test
  void shouldRemoveAnEntryOnATombstone() {
    apply(settings("food", "{\"version\": 1, \"leadThreshold\": 45}"));

    var batch = apply(settings("food", null));

    assertEquals(1, batch.settingsRemoved());
    assertEquals(60.0, threshold("food"));
  }

  @Test
  void shouldRefuseInvalidEntriesWithTheirReasonAndKeepTheSettingsInForce() {
    apply(settings("food", "{\"version\": 1, \"leadThreshold\": 45}"));
    String version = scoring.get().version();

    var batch =
        applier.apply(
            List.of(
                settings("food", "{\"version\": 2, \"leadThreshold\": 150}"), // 0: out of range
                settings("food", "{\"version\": 2, \"leadTreshold\": 40}"), // 1: misspelt field
                settings("food", "{\"leadThreshold\": 40}"), // 2: no version
                settings("food", "{\"version\": 2, \"leadThreshold\": \"low\"}"), // 3: no number
                settings("default", "{\"version\": 2, \"categoryPoints\": 9}"), // 4: not per cat
                settings("Food Stuff", "{\"version\": 2, \"leadThreshold\": 40}"), // 5: bad key
                settings(null, "{\"version\": 2, \"leadThreshold\": 40}"), // 6: no key
                settings("food", "{\"version\": 2, \"leadThreshold\": "), // 7: truncated
                settings("food", "null"))); // 8: not an entry

    var reasons = batch.rejections().stream().map(Rejection::reason).toList();
    assertEquals(9, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("scoring settings food: not a valid ScoringOverride"));
    assertTrue(reasons.get(0).contains("leadThreshold must be within 0..100.0, was 150.0"));
    assertTrue(
        reasons.get(1).startsWith("scoring settings food version 2: unknown field leadTreshold"),
        reasons.get(1));
    assertTrue(reasons.get(2).contains("version must be set by the operator"), reasons.get(2));
    assertTrue(reasons.get(3).endsWith("(field leadThreshold)"), reasons.get(3));
    assertTrue(
        reasons.get(4).contains("categoryPoints is set per category")
            && reasons.get(4).endsWith("(the settings in force stay)"),
        reasons.get(4));
    assertTrue(reasons.get(5).contains("key Food Stuff is neither default"), reasons.get(5));
    assertTrue(reasons.get(6).startsWith("a scoring-settings record needs default"));
    assertTrue(reasons.get(7).startsWith("scoring settings food: not a valid"), reasons.get(7));
    assertTrue(reasons.get(8).contains("the value is JSON null"), reasons.get(8));
    assertFalse(batch.publishedSettings(), "nothing changed, nothing published");
    assertEquals(version, scoring.get().version());
    assertEquals(45.0, threshold("food"));
  }

  @Test
  void shouldRefuseSettingsRecordsWhenTheFeedWasNotGivenAScoringBook() {
    var rulesOnly = new FeedApplier(rules);

    var batch =
        rulesOnly.apply(List.of(settings("food", "{\"version\": 1, \"leadThreshold\": 45}")));

    assertEquals(
        "the rule feed does not read topic scoring-settings", batch.rejections().get(0).reason());
  }
}
