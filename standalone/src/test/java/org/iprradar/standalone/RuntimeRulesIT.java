package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules and brands change while the system runs: a rule and a brand written to their compacted
 * topics make a lead of a listing that meant nothing before, and disabling the rule ends that for
 * the next listing, with no restart. Unreadable records on the topics become dead letters.
 */
class RuntimeRulesIT {

  // A slang word and a brand that neither the shipped rules nor the shipped brands know.
  private static final String RULE_ID = "it-slang-deer-label";
  private static final String BRAND_ID = "it-snowpeakia";
  private static final String TITLE = "雪峰奇 冲锋衣 鹿标特供";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final TopicClient TOPICS = new TopicClient(() -> app.bootstrapServers());
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    Map<String, Object> props = TestSystem.settings(dataDir);
    // The arithmetic below (50 + 25 >= 60 > 25) must not depend on tuning elsewhere.
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

  private static String ruleJson(int version, boolean enabled) {
    return String.format(
        "{\"id\":\"%s\",\"version\":%d,\"query\":\"\\\"鹿标特供\\\"\","
            + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":50,\"enabled\":%s,"
            + "\"description\":\"deer-label slang for a copy\"}",
        RULE_ID, version, enabled);
  }

  private static final String BRAND_JSON =
      "{\"brandId\":\""
          + BRAND_ID
          + "\",\"names\":[\"雪峰奇\",\"Snowpeakia\"],\"owner\":\"IT Outdoor\","
          + "\"category\":\"outdoor\",\"protection\":\"REGISTERED\",\"version\":1}";

  private static void postListing(String id, String seller) throws Exception {
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"%s\",\"price\":299,"
                + "\"sellerId\":\"%s\",\"sellerRegion\":\"320602\",\"category\":\"outdoor\"}",
            id, TITLE, seller);
    var response = API.postJson("/api/v1/listings", body);
    assertEquals(202, response.statusCode(), response.body());
  }

  private static HttpResponse<String> getAlert(String id) throws Exception {
    return API.get(ApiClient.alertPath(id));
  }

  /** The ids of the rules (text and brand) in force in detect's rule book. */
  private static List<String> rulesInForce() {
    return app.context().getBean(RuleBook.class).get().matcher().rules().stream()
        .map(MatchRule::id)
        .toList();
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

  private static Map<String, JsonNode> signalsByRule(JsonNode assessment) {
    var signals = new HashMap<String, JsonNode>();
    assessment.get("signals").forEach(s -> signals.put(s.get("ruleId").asText(), s));
    return signals;
  }

  @Test
  void shouldApplyRuleAndBrandChangesFromTheirTopicsWithoutARestart() throws Exception {
    assertTrue(
        app.context().getBean(DetectService.class).ruleFeed().isCaughtUp(),
        "the topology started after the feed caught up");
    var assessments = new HashMap<String, JsonNode>();
    try (var assessmentReader = reader(Topics.ASSESSMENTS.name())) {

      // Given a listing scored before the rule and the brand exist: nothing of theirs fires
      postListing("rt-0", "rt_before");
      var before = awaitRecord(assessmentReader, assessments, "taobao:rt-0");
      assertFalse(before.get("lead").asBoolean(), before.toString());
      assertFalse(signalsByRule(before).containsKey(RULE_ID));
      assertFalse(signalsByRule(before).containsKey("brand:" + BRAND_ID));

      // When an operator writes a new rule and a new brand, and a broken record on the way
      TOPICS.send(Topics.RULES.name(), "it-broken", "{\"id\": \"it-broken\", \"query\": ");
      TOPICS.send(Topics.RULES.name(), RULE_ID, ruleJson(1, true));
      TOPICS.send(Topics.BRANDS.name(), BRAND_ID, BRAND_JSON);
      await()
          .atMost(ApiClient.PIPELINE)
          .until(() -> rulesInForce().containsAll(List.of(RULE_ID, "brand:" + BRAND_ID)));

      // Then the same kind of listing is a lead, explained by the new rule and brand
      postListing("rt-1", "rt_lead");
      var alert = API.awaitAlert("taobao:rt_lead:COUNTERFEIT_TRADEMARK");
      var signals = signalsByRule(alert.get("listings").get(0));
      assertEquals(1, signals.get(RULE_ID).get("ruleVersion").asInt());
      assertEquals("鹿标特供", signals.get(RULE_ID).get("evidence").get(0).get("text").asText());
      assertEquals(
          "雪峰奇", signals.get("brand:" + BRAND_ID).get("evidence").get(0).get("text").asText());

      // When the operator disables the rule
      TOPICS.send(Topics.RULES.name(), RULE_ID, ruleJson(2, false));
      await().atMost(ApiClient.PIPELINE).until(() -> !rulesInForce().contains(RULE_ID));

      // Then the next such listing only names the brand, and is no lead
      postListing("rt-2", "rt_after");
      var after = awaitRecord(assessmentReader, assessments, "taobao:rt-2");
      assertFalse(after.get("lead").asBoolean(), after.toString());
      assertFalse(signalsByRule(after).containsKey(RULE_ID), after.toString());
      assertTrue(signalsByRule(after).containsKey("brand:" + BRAND_ID), after.toString());
      assertEquals(404, getAlert("taobao:rt_after:COUNTERFEIT_TRADEMARK").statusCode());
    }

    // And the broken record is a dead letter that says where it came from and why
    try (var deadLetters = reader(Topics.DEAD_LETTERS.name())) {
      var letters = new ArrayList<ConsumerRecord<String, String>>();
      await()
          .atMost(ApiClient.PIPELINE)
          .until(
              () -> {
                deadLetters.poll(Duration.ofMillis(250)).forEach(letters::add);
                return letters.stream().anyMatch(r -> "it-broken".equals(r.key()));
              });
      var letter =
          letters.stream().filter(r -> "it-broken".equals(r.key())).findFirst().orElseThrow();
      assertEquals(
          Topics.RULES.name(), DeadLetters.header(letter.headers(), DeadLetters.SOURCE_TOPIC));
      assertEquals(
          RuleFeed.APPLICATION, DeadLetters.header(letter.headers(), DeadLetters.APPLICATION));
      String reason = DeadLetters.header(letter.headers(), DeadLetters.REASON);
      assertTrue(reason.startsWith("rule it-broken: not a valid Rule"), reason);
    }
  }
}
