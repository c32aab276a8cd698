package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default end to end: a real in-process KRaft broker, listings posted over HTTP,
 * routed alerts read over HTTP, and alerts still there after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneIT {

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    app = startApp();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static Standalone startApp() {
    return TestSystem.start(dataDir);
  }

  private static String line(
      String id, String title, String price, String seller, String region, String category) {
    return String.format(
        "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"%s\",\"price\":%s,"
            + "\"sellerId\":\"%s\",\"sellerRegion\":\"%s\",\"category\":\"%s\"}",
        id, title, price, seller, region, category);
  }

  @Test
  @Order(1)
  void shouldRouteAlertsOfPostedListingsToTheirBureausAndKeepTheValidRecordsOfABadBatch()
      throws Exception {
    String body =
        String.join(
            "\n",
            line("it-1", "驴牌 老花 手袋 高仿 专柜品质", "399", "tb_it_bags", "320602", "luxury_bags"),
            line("it-2", "Photoshop 2025 破解版 永久激活码 秒发", "5", "tb_it_keys", "320612", "software"),
            line("it-3", "复合肥 散装 分装 50斤 通用", "45", "tb_it_agri", "320623", "agri_fertilizer"),
            line("it-4", "南通 蓝印花布 桌旗 手工", "58", "tb_it_craft", "320602", "home_textiles"),
            "{\"platform\":\"taobao\",\"listingId\":\"it-5\",\"title\":",
            "{\"platform\":\"taobao\",\"listingId\":\"it-6\",\"price\":10,\"sellerId\":\"s\"}",
            line("it-7", "负价格", "-1", "tb_it_bad", "320602", "other"));

    var response = API.post("/api/v1/listings", "application/x-ndjson", body);

    assertEquals(202, response.statusCode(), response.body());
    var result = ApiClient.json(response);
    assertEquals(4, result.get("accepted").asInt());
    assertEquals(3, result.get("rejected").asInt());
    var results = result.get("results");
    assertEquals("taobao:it-1", results.get(0).get("key").asText());
    assertEquals(5, results.get(4).get("line").asInt());
    assertTrue(
        results.get(4).get("errors").get(0).get("reason").asText().startsWith("malformed JSON"));
    assertEquals("title", results.get(5).get("errors").get(0).get("field").asText());
    assertEquals("price", results.get(6).get("errors").get(0).get("field").asText());

    var bags = API.awaitAlert("taobao:tb_it_bags:COUNTERFEIT_TRADEMARK");
    assertEquals("MARKET_SUPERVISION", bags.get("bureau").get("id").asText());
    assertEquals("崇川区", bags.get("jurisdictionName").asText());
    var signal = bags.get("listings").get(0).get("signals").get(0);
    assertEquals("counterfeit-slang-replica", signal.get("ruleId").asText());
    assertEquals("高仿", signal.get("evidence").get(0).get("text").asText());

    assertEquals(
        "COPYRIGHT",
        API.awaitAlert("taobao:tb_it_keys:PIRACY_COPYRIGHT").get("bureau").get("id").asText());
    assertEquals(
        "AGRICULTURE",
        API.awaitAlert("taobao:tb_it_agri:SUBSTANDARD_AGRI_INPUT")
            .get("bureau")
            .get("id")
            .asText());

    var copyright = ApiClient.json(API.get("/api/v1/alerts?bureau=COPYRIGHT"));
    assertEquals(1, copyright.get("count").asInt());
    assertFalse(
        API.get("/api/v1/alerts?text=tb_it_craft").body().contains("tb_it_craft:"),
        "an ordinary listing makes no alert");
  }

  @Test
  @Order(2)
  void shouldWriteExactlyOneAssessmentPerAcceptedListing() {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-assessments");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var keys = new ArrayList<String>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.ASSESSMENTS.name()));
      await()
          .atMost(ApiClient.PIPELINE)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                return keys.size() >= 4;
              });
      // Anything more than one per listing would arrive with the first ones; give it a moment.
      consumer.poll(Duration.ofSeconds(2)).forEach(r -> keys.add(r.key()));
    }
    assertEquals(
        List.of("taobao:it-1", "taobao:it-2", "taobao:it-3", "taobao:it-4"),
        keys.stream().sorted().toList());
  }

  @Test
  @Order(3)
  void shouldAnswer400WhenNoRecordIsValid() throws Exception {
    var response =
        API.post(
            "/api/v1/listings",
            "application/json",
            "{\"platform\":\"taobao\",\"listingId\":\"x\"}");

    assertEquals(400, response.statusCode());
    var errors = ApiClient.json(response).get("results").get(0).get("errors");
    var fields = new ArrayList<String>();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    assertEquals(List.of("sellerId", "title", "price"), fields);

    var malformed = API.post("/api/v1/listings", "application/json", "{\"platform\": oops}");
    assertEquals(400, malformed.statusCode());
    assertEquals("malformed_body", ApiClient.json(malformed).get("error").asText());
  }

  @Test
  @Order(4)
  void shouldKeepAlertsAcrossARestart() throws Exception {
    String id = "taobao:tb_it_bags:COUNTERFEIT_TRADEMARK";
    var before = API.awaitAlert(id);

    app.close();
    app = startApp();

    var after = API.awaitAlert(id);
    assertEquals(before.get("score").asDouble(), after.get("score").asDouble());
    assertEquals(before.get("createdAt").asText(), after.get("createdAt").asText());
    assertEquals(3, ApiClient.json(API.get("/api/v1/alerts")).get("count").asInt());
  }
}
