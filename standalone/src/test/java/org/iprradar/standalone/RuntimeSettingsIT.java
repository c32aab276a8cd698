package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.ScoringBook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weights change while the system runs: a scoring-settings entry for one category written to its
 * compacted topic makes a lead of the next listing of that category that was none before, leaves
 * other categories alone, and the assessments record the new weights version; no restart. An
 * invalid entry becomes a dead letter and changes nothing.
 */
class RuntimeSettingsIT {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeSettingsIT.class);

  // A brand neither the shipped rules nor the shipped brands know, so that its mention is the only
  // signal: 25 points on the start-up settings, no lead at 60.
  private static final String BRAND_ID = "it-glacierine";
  private static final String BRAND_SIGNAL = "brand:" + BRAND_ID;
  private static final String TITLE = "冰川琳 登山杖";
  private static final String BRAND_JSON =
      "{\"brandId\":\""
          + BRAND_ID
          + "\",\"names\":[\"冰川琳\",\"Glacierine\"],\"owner\":\"IT Outdoor\","
          + "\"category\":\"outdoor\",\"protection\":\"REGISTERED\",\"version\":1}";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final TopicClient TOPICS = new TopicClient(() -> app.bootstrapServers());
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    Map<String, Object> props = TestSystem.settings(dataDir);
    // The arithmetic below (25 < 60 <= 70) must not depend on tuning elsewhere.
    props.put("ipr.detect.lead-threshold", 60);
    props.put("ipr.detect.brand-mention-weight", 25);
    app = Standalone.start(props);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static void postListing(String id, String category) throws Exception {
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"%s\",\"price\":299,"
                + "\"sellerId\":\"seller-%s\",\"sellerRegion\":\"320602\",\"category\":\"%s\"}",
            id, TITLE, id, category);
    var response = API.postJson("/api/v1/listings", body);
    assertEquals(202, response.statusCode(), response.body());
  }

  /** A read_committed reader of a whole topic, from its beginning, without a consumer group. */
  private static KafkaConsumer<String, String> reader(String topic) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    var partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  /** Polls {@code consumer} into {@code seen} (by key) until {@code key} is there. */
  private static JsonNode awaitRecord(
      KafkaConsumer<String, String> consumer, Map<String, JsonNode> seen, String key) {
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () -> {
              for (var record : consumer.poll(Duration.ofMillis(250))) {
                seen.put(record.key(), Json.mapper().readTree(record.value()));
              }
              return seen.containsKey(key);
            });
    return seen.get(key);
  }

  /** The points the brand mention added to an assessment. */
  private static double brandPoints(JsonNode assessment) {
    for (JsonNode signal : assessment.get("signals")) {
      if (BRAND_SIGNAL.equals(signal.get("ruleId").asText())) {
        return signal.get("contribution").asDouble();
      }
    }
    throw new AssertionError("no " + BRAND_SIGNAL + " signal in " + assessment);
  }

  private static double outdoorBrandWeight() {
    return app.context()
        .getBean(ScoringBook.class)
        .get()
        .forCategory("outdoor")
        .settings()
        .brandMentionWeight();
  }

  @Test
  void shouldScoreTheNextListingsWithWeightsWrittenToTheTopicWithoutARestart() throws Exception {
    TOPICS.send(Topics.BRANDS.name(), BRAND_ID, BRAND_JSON);
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () -> app.context().getBean(RuleBook.class).get().brands().find(BRAND_ID).isPresent());
    var assessments = new HashMap<String, JsonNode>();
    try (var assessmentReader = reader(Topics.ASSESSMENTS.name())) {

      // Given an outdoor listing naming the brand, scored on the start-up weights
      postListing("ws-0", "outdoor");
      var before = awaitRecord(assessmentReader, assessments, "taobao:ws-0");
      assertEquals(25.0, brandPoints(before), before.toString());
      assertFalse(before.get("lead").asBoolean(), before.toString());
      JsonNode versionsBefore = before.get("versions");

      // When an operator writes a broken entry, then outdoor's brand weight of 70
      TOPICS.send(
          Topics.SCORING_SETTINGS.name(),
          "outdoor",
          "{\"version\": 1, \"brandMentionWeight\": -5}");
      long sent = System.nanoTime();
      TOPICS.send(
          Topics.SCORING_SETTINGS.name(),
          "outdoor",
          "{\"version\": 2, \"brandMentionWeight\": 70, \"description\": \"IT: raise outdoor\"}");
      await().atMost(ApiClient.PIPELINE).until(() -> outdoorBrandWeight() == 70.0);
      LOG.info(
          "Scoring settings in force {} ms after they were written",
          (System.nanoTime() - sent) / 1_000_000);

      // Then the next outdoor listing is scored with it and is a lead; other categories are not
      postListing("ws-1", "outdoor");
      postListing("ws-2", "apparel");
      var after = awaitRecord(assessmentReader, assessments, "taobao:ws-1");
      var otherCategory = awaitRecord(assessmentReader, assessments, "taobao:ws-2");
      assertEquals(70.0, brandPoints(after), after.toString());
      assertTrue(after.get("lead").asBoolean(), after.toString());
      assertEquals(25.0, brandPoints(otherCategory), otherCategory.toString());
      assertFalse(otherCategory.get("lead").asBoolean(), otherCategory.toString());

      // And the assessments record another weights version, the same rules and brands versions
      JsonNode versionsAfter = after.get("versions");
      assertNotEquals(versionsBefore.get("weights"), versionsAfter.get("weights"));
      assertEquals(versionsBefore.get("rules"), versionsAfter.get("rules"));
      assertEquals(versionsBefore.get("brands"), versionsAfter.get("brands"));
      assertEquals(versionsAfter, otherCategory.get("versions"), "one version for all categories");
    }

    // And the broken entry is a dead letter that says where it came from and why
    try (var deadLetters = reader(Topics.DEAD_LETTERS.name())) {
      var letters = new ArrayList<ConsumerRecord<String, String>>();
      await()
          .atMost(ApiClient.PIPELINE)
          .until(
              () -> {
                deadLetters.poll(Duration.ofMillis(250)).forEach(letters::add);
                return letters.stream()
                    .anyMatch(
                        r ->
                            Topics.SCORING_SETTINGS
                                .name()
                                .equals(DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC)));
              });
      var letter =
          letters.stream()
              .filter(
                  r ->
                      Topics.SCORING_SETTINGS
                          .name()
                          .equals(DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC)))
              .findFirst()
              .orElseThrow();
      String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
      assertTrue(
          reason.startsWith("scoring settings outdoor: not a valid ScoringOverride"), reason);
      assertTrue(reason.contains("brandMentionWeight must be within 0..100"), reason);
    }
  }
}
