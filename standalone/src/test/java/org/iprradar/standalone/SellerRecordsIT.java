package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.topology.DetectTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seller records on a real broker: a record written while detect runs scores the seller's next
 * listing, and after a restart that lost the local state the store is rebuilt from the topic, an
 * unreadable record on it dead-lettered and passed over rather than stopping detect.
 */
class SellerRecordsIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final String RULE_ID = "it-slang-wolf-label";
  private static final String SELLER = "sr_black";
  private static final String SELLER_KEY = SellerRecord.key("taobao", SELLER);

  @TempDir Path dataDir;

  private Standalone app;
  private final ApiClient api = new ApiClient(() -> app.url());
  private final TopicClient topics = new TopicClient(() -> app.bootstrapServers());

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private Standalone start() {
    Map<String, Object> props = TestSystem.settings(dataDir);
    // 50 (the rule) < 60 <= 50 + 30 (blacklisted) must not depend on tuning elsewhere.
    props.put("ipr.detect.lead-threshold", 60);
    props.put("ipr.detect.seller-blacklisted-weight", 30);
    return Standalone.start(props);
  }

  private void postListing(String id) throws Exception {
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"冲锋衣 狼标特供\",\"price\":299,"
                + "\"sellerId\":\"%s\",\"sellerRegion\":\"320602\",\"category\":\"outdoor\"}",
            id, SELLER);
    var response = api.postJson("/api/v1/listings", body);
    assertEquals(202, response.statusCode(), response.body());
  }

  private KafkaStreams streams() {
    return app.context().getBean(DetectService.class).streamsApp().streams();
  }

  /** The seller record detect holds for {@link #SELLER}, or null. */
  private SellerRecord sellerInForce() {
    return streams()
        .store(
            StoreQueryParameters.fromNameAndType(
                DetectTopology.SELLER_STORE,
                QueryableStoreTypes.<String, SellerRecord>keyValueStore()))
        .get(SELLER_KEY);
  }

  private static boolean hasSellerSignal(JsonNode assessment) {
    for (JsonNode signal : assessment.get("signals")) {
      if ("SELLER_HISTORY".equals(signal.get("type").asText())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldScoreWithSellerRecordsAndRebuildThemAfterLosingTheState() throws Exception {
    app = start();
    topics.send(
        Topics.RULES.name(),
        RULE_ID,
        "{\"id\":\""
            + RULE_ID
            + "\",\"version\":1,\"query\":\"\\\"狼标特供\\\"\","
            + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":50,\"enabled\":true}");
    await()
        .atMost(PIPELINE)
        .until(
            () ->
                app.context().getBean(RuleBook.class).get().matcher().rules().stream()
                    .map(MatchRule::id)
                    .anyMatch(RULE_ID::equals));

    // Given garbage, then the seller's blacklisting, on the seller-records topic
    topics.send(Topics.SELLER_RECORDS.name(), SELLER_KEY, "{not json");
    topics.send(
        Topics.SELLER_RECORDS.name(),
        SELLER_KEY,
        "{\"platform\":\"taobao\",\"sellerId\":\""
            + SELLER
            + "\",\"blacklisted\":true,"
            + "\"blacklistedSince\":\"2025-06-01\",\"version\":1}");
    await().atMost(PIPELINE).ignoreExceptions().until(() -> sellerInForce() != null);

    // Then the seller's slang listing is a lead, the history named in its signals
    postListing("sr-1");
    var first = topics.awaitAssessment("taobao:sr-1");
    assertTrue(hasSellerSignal(first), first.toString());
    assertEquals(80.0, first.get("score").asDouble(), first.toString());
    assertTrue(first.get("lead").asBoolean());

    // When detect restarts without its local state
    app.close();
    app = null;
    deleteRecursively(dataDir.resolve("streams"));
    app = start();

    // Then it rebuilds the seller store from the topic, past the garbage, and scores as before
    await().atMost(PIPELINE).ignoreExceptions().until(() -> sellerInForce() != null);
    await().atMost(PIPELINE).until(() -> streams().state() == KafkaStreams.State.RUNNING);
    postListing("sr-2");
    var second = topics.awaitAssessment("taobao:sr-2");
    assertTrue(hasSellerSignal(second), second.toString());
    assertEquals(80.0, second.get("score").asDouble(), second.toString());
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
