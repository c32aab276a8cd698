package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery end to end on a real in-process broker: a listing becomes an alert, whose
 * version reaches the bureau's receiver signed, after one 503, and shows as delivered over HTTP, on
 * the alert too, and still after a restart.
 */
class WebhookIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final String ALERT = "taobao:tb_webhook_bags:COUNTERFEIT_TRADEMARK";
  private static final String SECRET = "webhook-it-secret";

  /** A request as the receiver saw it. */
  record Received(String timestamp, String signature, String idempotencyKey, byte[] body) {}

  @TempDir static Path dataDir;

  private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static HttpServer receiver;
  private static Standalone app;
  private static Map<String, Object> props;

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          var headers = exchange.getRequestHeaders();
          RECEIVED.add(
              new Received(
                  headers.getFirst("X-IPR-Timestamp"),
                  headers.getFirst("X-IPR-Signature"),
                  headers.getFirst("Idempotency-Key"),
                  exchange.getRequestBody().readAllBytes()));
          // The bureau's first answer is a failure, so delivery has to retry.
          exchange.sendResponseHeaders(CALLS.incrementAndGet() == 1 ? 503 : 200, -1);
          exchange.close();
        });
    receiver.start();
    props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("ipr.data-dir", dataDir.toString());
    props.put("ipr.kafka.partitions", 2);
    props.put(
        "IPR_WEBHOOK_MARKET_SUPERVISION_URL",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    props.put("IPR_WEBHOOK_MARKET_SUPERVISION_SECRET", SECRET);
    props.put("ipr.alerts.webhooks.backoff-base", "10ms");
    props.put("ipr.alerts.webhooks.backoff-cap", "50ms");
    app = Standalone.start(props);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void shouldDeliverTheNewAlertSignedToItsBureauAfterARetry() throws Exception {
    var listing =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/api/v1/listings"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.superuser())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"platform\":\"taobao\",\"listingId\":\"wh-1\","
                            + "\"title\":\"驴牌 老花 手袋 高仿 专柜品质\",\"price\":399,"
                            + "\"sellerId\":\"tb_webhook_bags\",\"sellerRegion\":\"320602\","
                            + "\"category\":\"luxury_bags\"}",
                        StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(45))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, listing.statusCode(), listing.body());

    String deliveries =
        "/api/v1/alerts/" + URLEncoder.encode(ALERT, StandardCharsets.UTF_8) + "/deliveries";
    var outcome = awaitDelivered(deliveries);
    assertEquals("DELIVERED", outcome.get("state").asText());
    assertTrue(outcome.get("delivered").asBoolean(), outcome.toString());
    assertEquals("MARKET_SUPERVISION", outcome.get("bureauId").asText());
    assertEquals(2, outcome.get("attempts").asInt(), outcome.toString());
    assertEquals(200, outcome.get("httpStatus").asInt(), outcome.toString());
    assertEquals(2, RECEIVED.size());
    for (Received request : RECEIVED) {
      assertEquals(sign(request.timestamp(), request.body()), request.signature());
      assertEquals(outcome.get("idempotencyKey").asText(), request.idempotencyKey());
      var alert = Json.mapper().readTree(request.body());
      assertEquals(ALERT, alert.get("id").asText());
      assertEquals(1, alert.get("schemaVersion").asInt());
    }
    var alert = get("/api/v1/alerts/" + URLEncoder.encode(ALERT, StandardCharsets.UTF_8));
    assertEquals(outcome, alert.get("deliveries").get(0), "the alert shows its delivery");

    // The outcome is folded into the alert store, not remembered by the instance that sent it.
    app.close();
    app = Standalone.start(props);
    var afterRestart = awaitDelivered(deliveries);
    assertEquals(outcome, afterRestart);
    assertEquals(2, RECEIVED.size(), "nothing was sent again");
  }

  /** The only outcome of the alert once it is delivered; a RETRYING one may show before. */
  private static JsonNode awaitDelivered(String path) {
    var status = new JsonNode[1];
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              status[0] = get(path);
              return status[0].size() == 1 && status[0].get(0).get("delivered").asBoolean();
            });
    return status[0].get(0);
  }

  private static JsonNode get(String path) throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Authorization", "Bearer " + TestTokens.superuser())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.mapper().readTree(response.body());
  }

  private static String sign(String timestamp, byte[] body) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }
}
