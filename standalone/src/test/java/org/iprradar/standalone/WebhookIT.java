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
 * version reaches the bureau's receiver signed, after one 503, and shows as delivered over HTTP.
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
    Map<String, Object> props = new HashMap<>();
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
    var status = new JsonNode[1];
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              var response =
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(app.url() + deliveries)).build(),
                      HttpResponse.BodyHandlers.ofString());
              status[0] = Json.mapper().readTree(response.body());
              return response.statusCode() == 200 && status[0].size() > 0;
            });

    var outcome = status[0].get(0);
    assertTrue(outcome.get("delivered").asBoolean(), outcome.toString());
    assertEquals("MARKET_SUPERVISION", outcome.get("bureauId").asText());
    assertEquals(2, outcome.get("attempts").asInt(), outcome.toString());
    assertEquals(2, RECEIVED.size());
    for (Received request : RECEIVED) {
      assertEquals(sign(request.timestamp(), request.body()), request.signature());
      assertEquals(outcome.get("idempotencyKey").asText(), request.idempotencyKey());
      var alert = Json.mapper().readTree(request.body());
      assertEquals(ALERT, alert.get("id").asText());
      assertEquals(1, alert.get("schemaVersion").asInt());
    }
  }

  private static String sign(String timestamp, byte[] body) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }
}
