package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.topology.DetectTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seller networks on a real broker, across restarts: the identity index lives in memory beside the
 * seller store, so it must be rebuilt both when detect restarts on its state and when it restarts
 * without it (the store then restored from the topic).
 */
class SellerNetworkIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final String SHARED_PHONE = "ab".repeat(32);
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
    // One complaint (10) makes the listing show something; the network adds 0.5 × 30.
    props.put("ipr.detect.listing-complaint-weight", 10);
    props.put("ipr.detect.seller-blacklisted-weight", 30);
    props.put("ipr.detect.network-share", 0.5);
    return Standalone.start(props);
  }

  @Test
  void shouldFindTheNetworkBeforeAndAfterRestartsWithAndWithoutState() throws Exception {
    app = start();
    // Given a blacklisted seller and another sharing its phone, in two cities
    topics.send(
        Topics.SELLER_RECORDS.name(), "taobao:net_black", seller("net_black", true, "320602"));
    topics.send(
        Topics.SELLER_RECORDS.name(), "taobao:net_front", seller("net_front", false, "310101"));
    await().atMost(PIPELINE).ignoreExceptions().until(() -> inForce("taobao:net_front"));

    // Then a complained-about listing of the front seller gains the network signal
    assertNetwork(assess("n-1"));

    // When detect restarts on its state, and then without it
    app.close();
    app = start();
    await().atMost(PIPELINE).until(() -> streams().state() == KafkaStreams.State.RUNNING);
    assertNetwork(assess("n-2"));

    app.close();
    app = null;
    deleteRecursively(dataDir.resolve("streams"));
    app = start();
    await().atMost(PIPELINE).ignoreExceptions().until(() -> inForce("taobao:net_front"));
    await().atMost(PIPELINE).until(() -> streams().state() == KafkaStreams.State.RUNNING);
    assertNetwork(assess("n-3"));
  }

  private static void assertNetwork(JsonNode a) {
    assertEquals(25.0, a.get("score").asDouble(), a.toString());
    assertTrue(a.toString().contains("\"SELLER_NETWORK\""), a.toString());
    JsonNode network = a.get("network");
    assertEquals(2, network.get("size").asInt(), a.toString());
    assertEquals("taobao:net_black", network.get("membersWithRisk").get(0).asText());
    assertEquals(2, network.get("regions").size(), a.toString());
  }

  private static String seller(String id, boolean blacklisted, String region) {
    return "{\"platform\":\"taobao\",\"sellerId\":\""
        + id
        + "\",\"blacklisted\":"
        + blacklisted
        + (blacklisted ? ",\"blacklistedSince\":\"2025-06-01\"" : "")
        + ",\"identityHashes\":[\""
        + SHARED_PHONE
        + "\"],\"region\":\""
        + region
        + "\",\"version\":1}";
  }

  /** Sends a complaint about the listing, waits until detect holds it, posts the listing. */
  private JsonNode assess(String listingId) throws Exception {
    String complaintId = "cn-" + listingId;
    topics.send(
        Topics.COMPLAINTS.name(),
        "taobao:" + complaintId,
        "{\"platform\":\"taobao\",\"complaintId\":\""
            + complaintId
            + "\",\"source\":\"CONSUMER_12315\",\"listingId\":\""
            + listingId
            + "\",\"receivedAt\":\""
            + Instant.now().minus(1, ChronoUnit.HOURS)
            + "\"}");
    await()
        .atMost(PIPELINE)
        .ignoreExceptions()
        .until(() -> complaintsHeld().contains("taobao:" + complaintId));
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"南通 蓝印花布 桌旗 手工\","
                + "\"price\":39,\"sellerId\":\"net_front\",\"sellerRegion\":\"310101\","
                + "\"category\":\"home\"}",
            listingId);
    var response = api.postJson("/api/v1/listings", body);
    assertEquals(202, response.statusCode(), response.body());
    return topics.awaitAssessment("taobao:" + listingId);
  }

  private KafkaStreams streams() {
    return app.context().getBean(DetectService.class).streamsApp().streams();
  }

  private boolean inForce(String sellerKey) {
    return streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    DetectTopology.SELLER_STORE,
                    QueryableStoreTypes.<String, SellerRecord>keyValueStore()))
            .get(sellerKey)
        != null;
  }

  /** The complaint store's keys, joined: enough to see whether a complaint key is among them. */
  private String complaintsHeld() {
    var keys = new StringBuilder();
    try (var all =
        streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    DetectTopology.COMPLAINT_STORE,
                    QueryableStoreTypes.<String, Object>keyValueStore()))
            .all()) {
      all.forEachRemaining(kv -> keys.append(kv.key).append('\n'));
    }
    return keys.toString();
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
