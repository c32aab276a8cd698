package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triage workflow over HTTP against a real in-process broker: actions are written to Kafka and
 * show up on the alert as its status and history.
 */
class TriageIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final String ALERT = "taobao:tb_triage_bags:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("ipr.data-dir", dataDir.toString());
    props.put("ipr.kafka.partitions", 2);
    app = Standalone.start(props);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(app.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(45))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(app.url() + path))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String alertPath(String id) {
    return "/api/v1/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  /** The alert once {@code done} holds for it, polling while the pipeline works. */
  private static JsonNode awaitAlert(java.util.function.Predicate<JsonNode> done) {
    var found = new JsonNode[1];
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              var response = get(alertPath(ALERT));
              if (response.statusCode() != 200) {
                return false;
              }
              found[0] = json(response);
              return done.test(found[0]);
            });
    return found[0];
  }

  @Test
  void shouldAssignAndConfirmAnAlertAndRefuseWhatItsStatusDoesNotAllow() throws Exception {
    var listing =
        post(
            "/api/v1/listings",
            "{\"platform\":\"taobao\",\"listingId\":\"tr-1\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
                + "\"price\":399,\"sellerId\":\"tb_triage_bags\",\"sellerRegion\":\"320602\","
                + "\"category\":\"luxury_bags\"}");
    assertEquals(202, listing.statusCode(), listing.body());
    assertEquals("OPEN", awaitAlert(a -> true).get("status").asText());
    String actions = alertPath(ALERT) + "/actions";

    var assign =
        post(actions, "{\"action\":\"assign\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\"}");
    assertEquals(202, assign.statusCode(), assign.body());
    assertEquals("ASSIGN", json(assign).get("action").get("action").asText());
    awaitAlert(a -> a.get("status").asText().equals("ASSIGNED"));
    var confirm =
        post(actions, "{\"action\":\"CONFIRM\",\"actor\":\"zhang.min\",\"reason\":\"replica\"}");
    assertEquals(202, confirm.statusCode(), confirm.body());

    var confirmed = awaitAlert(a -> a.get("status").asText().equals("CONFIRMED"));
    var history = confirmed.get("history");
    assertEquals(2, history.size(), history.toString());
    assertEquals("ASSIGN", history.get(0).get("action").asText());
    assertEquals("li.wei", history.get(0).get("actor").asText());
    assertEquals("zhang.min", history.get(0).get("assignee").asText());
    assertEquals("CONFIRM", history.get(1).get("action").asText());
    assertEquals("ASSIGNED", history.get(1).get("from").asText());
    assertEquals("replica", history.get(1).get("reason").asText());

    var dismiss =
        post(actions, "{\"action\":\"DISMISS\",\"actor\":\"li.wei\",\"reason\":\"changed mind\"}");
    assertEquals(409, dismiss.statusCode(), dismiss.body());
    var conflict = json(dismiss);
    assertEquals("CONFIRMED", conflict.get("status").asText());
    var allowed = new ArrayList<String>();
    conflict.get("allowed").forEach(a -> allowed.add(a.asText()));
    assertEquals(List.of("NOTE", "REFER", "RECORD_PENALTY", "CLOSE"), allowed);

    var noReason = post(actions, "{\"action\":\"NOTE\",\"actor\":\"li.wei\"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals("reason", json(noReason).get("field").asText());
    var badAmount =
        post(
            actions,
            "{\"action\":\"RECORD_PENALTY\",\"actor\":\"li.wei\",\"penaltyAmount\":\"x\"}");
    assertEquals(400, badAmount.statusCode(), badAmount.body());
    assertEquals("penaltyAmount", json(badAmount).get("field").asText());

    var unknown =
        post(
            alertPath("taobao:nobody:COUNTERFEIT_TRADEMARK") + "/actions",
            "{\"action\":\"CONFIRM\",\"actor\":\"li.wei\"}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("not_found", json(unknown).get("error").asText());
  }
}
