package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.security.token.generator.TokenGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.topology.DetectTopology;
import org.iprradar.web.security.Caller;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partners on a real broker with security on: keys issued through the admin API survive a restart
 * (the partner directory is the {@code partners} topic), a request naming another platform writes
 * nothing, and the same phone sent raw by two platforms' partners links their sellers in detect.
 */
class PartnersIT {

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
    props.put("micronaut.security.enabled", true);
    props.put("ipr.detect.listing-complaint-weight", 10);
    props.put("ipr.detect.seller-blacklisted-weight", 30);
    props.put("ipr.detect.network-share", 0.5);
    return Standalone.start(props);
  }

  private String adminToken() {
    var caller =
        new Caller("it-admin", Set.of(Roles.ADMIN), Optional.empty(), Optional.empty(), Set.of());
    return app.context()
        .getBean(TokenGenerator.class)
        .generateToken(caller.authentication(), 3600)
        .orElseThrow();
  }

  private String partnerKey(String partnerId, String platform) throws Exception {
    String admin = "Bearer " + adminToken();
    var created =
        api.send(
            "PUT",
            "/api/v1/admin/partners/" + partnerId,
            "application/json",
            "{\"name\":\"" + partnerId + "\",\"platforms\":[\"" + platform + "\"]}",
            "Authorization",
            admin);
    assertEquals(201, created.statusCode(), created.body());
    var issued =
        api.send(
            "POST",
            "/api/v1/admin/partners/" + partnerId + "/keys",
            "application/json",
            "{\"label\":\"it\"}",
            "Authorization",
            admin);
    assertEquals(201, issued.statusCode(), issued.body());
    return ApiClient.json(issued).get("key").asText();
  }

  private java.net.http.HttpResponse<String> send(
      String method, String path, String contentType, String body, String key) throws Exception {
    // The key alone: with the tests' default bearer token as well, the token would decide.
    return api.as(null).send(method, path, contentType, body, "X-Api-Key", key);
  }

  @Test
  void partnersWriteTheirOwnPlatformsAndTheirSellersLinkAcrossPlatformsByPhone() throws Exception {
    app = start();
    String taobao = partnerKey("taobao-co", "taobao");
    String jd = partnerKey("jd-co", "jd");

    // Keys live in the partners topic: a restarted ingest still knows them.
    app.close();
    app = start();

    var black =
        send(
            "PUT",
            "/api/v1/seller-records/taobao/net_black",
            "application/json",
            "{\"blacklisted\":true,\"blacklistedSince\":\"2025-06-01\","
                + "\"phone\":\"+86 139-1234-5678\",\"region\":\"320602\",\"version\":1}",
            taobao);
    var front =
        send(
            "PUT",
            "/api/v1/seller-records/jd/net_front",
            "application/json",
            "{\"phone\":\"13912345678\",\"region\":\"310101\",\"version\":1}",
            jd);
    assertEquals(202, black.statusCode(), black.body());
    assertEquals(202, front.statusCode(), front.body());

    var sneaky =
        send(
            "POST",
            "/api/v1/listings",
            "application/x-ndjson",
            listing("jd", "j-sneak") + "\n" + listing("taobao", "t-sneak"),
            jd);
    assertEquals(403, sneaky.statusCode(), sneaky.body());

    await().atMost(ApiClient.PIPELINE).ignoreExceptions().until(() -> inForce("jd:net_front"));
    await().atMost(ApiClient.PIPELINE).ignoreExceptions().until(() -> inForce("taobao:net_black"));
    var complaint =
        send(
            "POST",
            "/api/v1/complaints",
            "application/json",
            "{\"platform\":\"jd\",\"complaintId\":\"cn-1\",\"source\":\"CONSUMER_12315\","
                + "\"listingId\":\"j-1\",\"receivedAt\":\""
                + Instant.now().minus(1, ChronoUnit.HOURS)
                + "\"}",
            jd);
    assertEquals(202, complaint.statusCode(), complaint.body());
    await().atMost(ApiClient.PIPELINE).ignoreExceptions().until(() -> complaintHeld("jd:cn-1"));
    var posted = send("POST", "/api/v1/listings", "application/json", listing("jd", "j-1"), jd);
    assertEquals(202, posted.statusCode(), posted.body());

    JsonNode assessment = topics.awaitAssessment("jd:j-1");
    JsonNode network = assessment.get("network");
    assertEquals(2, network.get("size").asInt(), assessment.toString());
    assertEquals("taobao:net_black", network.get("membersWithRisk").get(0).asText());

    // Nothing of the refused request reached the listings topic; no raw phone the seller topic.
    var listings = topics.awaitRecord(Topics.LISTINGS.name(), r -> "jd:j-1".equals(r.key()));
    assertEquals("jd:j-1", listings.key());
    topics.awaitRecord(
        Topics.LISTINGS.name(),
        r -> {
          assertFalse(r.key().endsWith("sneak"), "a refused record was written: " + r.key());
          return "jd:j-1".equals(r.key());
        });
    var seller =
        topics.awaitRecord(Topics.SELLER_RECORDS.name(), r -> "jd:net_front".equals(r.key()));
    assertFalse(seller.value().contains("13912345678"), seller.value());
    assertFalse(seller.value().contains("1234"), seller.value());
    assertTrue(seller.value().contains("phone:"), seller.value());
  }

  private static String listing(String platform, String id) {
    return "{\"platform\":\""
        + platform
        + "\",\"listingId\":\""
        + id
        + "\",\"title\":\"南通 蓝印花布 桌旗 手工\",\"price\":39,\"sellerId\":\"net_front\","
        + "\"sellerRegion\":\"310101\",\"category\":\"home\"}";
  }

  private KafkaStreams streams() {
    return app.context().getBean(DetectService.class).streamsApp().streams();
  }

  private boolean inForce(String sellerKey) {
    return streams().state() == KafkaStreams.State.RUNNING
        && streams()
                .store(
                    StoreQueryParameters.fromNameAndType(
                        DetectTopology.SELLER_STORE,
                        QueryableStoreTypes.<String, SellerRecord>keyValueStore()))
                .get(sellerKey)
            != null;
  }

  private boolean complaintHeld(String complaintKey) {
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
    return keys.toString().contains(complaintKey);
  }
}
