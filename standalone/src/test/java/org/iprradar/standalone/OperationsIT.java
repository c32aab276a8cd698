package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of the embedded default: the Prometheus series move as listings flow, the
 * operator page reads the same figures, and readiness waits for the restored alert store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

  private static final String SCRAPE_TOKEN = "operations-it-scrape-token-0123456789abcdef";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());
  private static final String[] SELLERS = {"tb_ops_1", "tb_ops_2", "tb_ops_3"};

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
    var settings = TestSystem.settings(dataDir);
    settings.put("ipr.metrics.scrape-token", SCRAPE_TOKEN);
    return Standalone.start(settings);
  }

  @Test
  @Order(1)
  void metricsEndpointShowsTheNamedSeriesMoveAsListingsFlow() throws Exception {
    String before = scrape();
    for (int i = 0; i < SELLERS.length; i++) {
      assertEquals(202, API.postBagListing("ops-" + i, SELLERS[i]).statusCode());
    }
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", app.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.LISTINGS.name(),
                  "taobao:ops-garbage",
                  "not a listing".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    for (String seller : SELLERS) {
      API.awaitAlert("taobao:" + seller + ":COUNTERFEIT_TRADEMARK");
    }

    String detectIn = "ipr_records_in_total{application=\"ipr-radar-detect\",topic=\"listings\"";
    String ingestOut = "ipr_records_out_total{application=\"ipr-radar-ingest\",topic=\"listings\"";
    String assessments =
        "ipr_records_out_total{application=\"ipr-radar-detect\",topic=\"assessments\"";
    String leadsOut = "ipr_records_out_total{application=\"ipr-radar-detect\",topic=\"leads\"";
    String latency = "ipr_assessment_latency_seconds_count";
    String hits = "ipr_rule_hits_total{rule=\"counterfeit-slang-replica\"";
    String leads = "ipr_leads_total{bureau=\"MARKET_SUPERVISION\"";
    String deadLetters = "ipr_dead_letters_total{application=\"ipr-radar-detect\",reason=\"";
    String[] grown = {detectIn, ingestOut, assessments, leadsOut, latency, hits, leads};
    int[] by = {4, 3, 3, 3, 3, 3, 3};
    await()
        .atMost(ApiClient.PIPELINE)
        .untilAsserted(
            () -> {
              String after = scrape();
              for (int i = 0; i < grown.length; i++) {
                assertTrue(
                    sum(after, grown[i]) - sum(before, grown[i]) >= by[i],
                    grown[i] + " grew by " + (sum(after, grown[i]) - sum(before, grown[i])));
              }
              assertTrue(sum(after, deadLetters) - sum(before, deadLetters) >= 1, "dead letters");
            });

    String now = scrape();
    // Kept beside the reports: what an operator's Prometheus reads from the embedded default.
    Files.writeString(Path.of("target", "operations-it.prom"), now);
    assertTrue(sum(now, "ipr_assessment_latency_seconds_bucket{le=\"+Inf\"") >= 3, "histogram");
    assertTrue(
        sum(now, "http_server_requests_seconds_count{") >= 3
            && now.contains("uri=\"/api/v1/listings\""),
        "HTTP requests by route");
    assertTrue(
        now.contains("ipr_rule_evaluation_seconds_count{rule=\"counterfeit-slang-replica\""));
    // Measured every 15 seconds from the group's committed offsets.
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () ->
                scrape()
                    .lines()
                    .anyMatch(
                        l ->
                            l.startsWith("ipr_consumer_lag{group=\"ipr-radar-detect\"")
                                && l.contains("topic=\"listings\"")
                                && l.contains("partition=\"")));
    assertTrue(now.contains("kafka_producer_"), "Kafka client metrics");
    assertTrue(now.contains("jvm_memory_used_bytes{"), "JVM metrics");

    // Counted every 15 seconds from the alert store.
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () -> sum(scrape(), "ipr_alerts{bureau=\"MARKET_SUPERVISION\",status=\"OPEN\"") >= 3);

    // The operator page reads the same meters.
    String text = scrape();
    var page = API.get("/api/v1/ops/summary");
    assertEquals(200, page.statusCode(), page.body());
    JsonNode summary = ApiClient.json(page);
    assertTrue(summary.has("recordsIn"), page.body());
    double pageDetectIn = 0;
    for (JsonNode s : summary.get("recordsIn")) {
      if (s.get("tags").get("application").asText().equals("ipr-radar-detect")
          && s.get("tags").get("topic").asText().equals("listings")) {
        pageDetectIn = s.get("value").asDouble();
      }
    }
    assertEquals(sum(text, detectIn), pageDetectIn, 0.0, "the page and /prometheus agree");
    assertTrue(summary.get("ready").asBoolean(), summary.toString());
    assertTrue(summary.get("slowestRules").size() > 0, summary.toString());
    assertTrue(summary.get("deadLetters").size() > 0, summary.toString());
    assertTrue(summary.get("lag").size() > 0, summary.toString());
  }

  @Test
  @Order(2)
  void readinessIsFalseUntilTheAlertStoreIsRestoredAndLivenessStaysUp() throws Exception {
    var ready = API.get("/health/readiness");
    assertEquals(200, ready.statusCode(), ready.body());
    var health = ApiClient.json(API.get("/health"));
    JsonNode details = health.get("details");
    assertEquals("UP", details.get("kafkaStreams").get("status").asText(), health.toString());
    assertEquals("UP", details.get("kafka").get("status").asText(), health.toString());
    assertEquals("UP", details.get("embeddedKafka").get("status").asText(), health.toString());

    // Lose the alert store: after the restart it is restored from its changelog.
    app.close();
    app = null;
    deleteTree(dataDir.resolve("streams").resolve("ipr-radar-alerts"));
    app = startApp();

    // Not ready while the store restores; a small store may be restored before the server answers
    // its first request, and then every alert must already be there (checked below).
    var early = API.get("/health/readiness");
    assertTrue(early.statusCode() == 503 || early.statusCode() == 200, early.body());
    assertEquals(200, API.get("/health/liveness").statusCode(), "live while not ready");
    await()
        .atMost(ApiClient.PIPELINE)
        .until(() -> API.get("/health/readiness").statusCode() == 200);
    // Ready means restored: every alert is there at once, without waiting.
    for (String seller : SELLERS) {
      var alert = API.get(ApiClient.alertPath("taobao:" + seller + ":COUNTERFEIT_TRADEMARK"));
      assertEquals(200, alert.statusCode(), alert.body());
    }
  }

  /** Scrapes as Prometheus does, with the deployment's scrape token. */
  private static String scrape() throws Exception {
    var response = API.as(SCRAPE_TOKEN).get("/prometheus");
    assertEquals(200, response.statusCode(), response.body());
    var elsewhere = API.as(SCRAPE_TOKEN).get("/api/v1/alerts");
    assertEquals(401, elsewhere.statusCode(), "the scrape token opens the metrics only");
    return response.body();
  }

  /** The sum of every sample whose line starts with {@code prefix} (name and leading labels). */
  private static double sum(String exposition, String prefix) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
