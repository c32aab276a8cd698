package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routing table changes while the system runs: a draft is previewed against the open alerts, an
 * invalid change is refused with every problem, and a valid one routes the next lead, with no
 * restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoutingIT {

  private static final String BEFORE = "taobao:tb_route_before:COUNTERFEIT_TRADEMARK";
  private static final String AFTER = "taobao:tb_route_after:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    app = TestSystem.start(dataDir);
  }

  private static void restart(boolean loseLocalState) throws Exception {
    app.close();
    app = null;
    if (loseLocalState) {
      try (Stream<Path> paths = Files.walk(dataDir.resolve("streams"))) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    start();
  }

  /** The version GET shows, once the topology has read the routing topic after a start. */
  private static void awaitVersion(int version) {
    await()
        .atMost(ApiClient.PIPELINE)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> ApiClient.json(API.get("/api/v1/routing")).get("version").asInt() == version);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** The table in force as GET shows it, with trademark leads sent to the tax bureau. */
  private static ObjectNode trademarksToTax(JsonNode shown) {
    ObjectNode table = shown.get("table").deepCopy();
    for (var route : (ArrayNode) table.get("routes")) {
      if (route.get("type").asText().equals("COUNTERFEIT_TRADEMARK")) {
        ((ObjectNode) route).put("bureau", "TAX");
      }
    }
    return table;
  }

  private static String body(ObjectNode table, String changedBy) throws Exception {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("table", table);
    if (changedBy != null) {
      body.put("changedBy", changedBy);
    }
    body.put("comment", "trademark cases to the tax bureau for the audit campaign");
    return Json.mapper().writeValueAsString(body);
  }

  @Test
  @Order(1)
  void shouldPreviewRefuseAndApplyARoutingChangeWhileRunning() throws Exception {
    assertEquals(202, API.postBagListing("rt-1", "tb_route_before").statusCode());
    var before = API.awaitAlert(BEFORE);
    assertEquals("MARKET_SUPERVISION", before.get("bureau").get("id").asText());
    assertEquals(0, before.get("routingVersion").asInt());

    var shown = ApiClient.json(API.get("/api/v1/routing"));
    assertEquals(0, shown.get("version").asInt());
    ObjectNode draft = trademarksToTax(shown);

    // The preview shows the open alert moving, and writes nothing.
    var preview = API.postJson("/api/v1/routing/preview", body(draft, null));
    assertEquals(200, preview.statusCode(), preview.body());
    var previewed = ApiClient.json(preview);
    List<String> ids = new ArrayList<>();
    previewed.get("alerts").forEach(a -> ids.add(a.get("id").asText()));
    assertTrue(ids.contains(BEFORE), previewed.toString());
    assertEquals(ids.size(), previewed.get("changed").asInt());
    assertEquals(
        ids.size(),
        previewed.get("moves").get("MARKET_SUPERVISION -> TAX").asInt(),
        ids.toString());
    var moved = previewed.get("alerts").get(ids.indexOf(BEFORE));
    assertEquals("MARKET_SUPERVISION", moved.get("current").get("bureau").asText());
    assertEquals("TAX", moved.get("draft").get("bureau").asText());
    assertEquals(0, ApiClient.json(API.get("/api/v1/routing/history")).size());

    // An invalid change: every problem, with its path.
    ObjectNode broken = draft.deepCopy();
    ((ObjectNode) broken.get("routes").get(0)).put("bureau", "FISHERIES");
    broken.put("defaultBureau", "NOBODY");
    var refused = API.send("PUT", "/api/v1/routing", "application/json", body(broken, null));
    assertEquals(400, refused.statusCode(), refused.body());
    List<String> paths = new ArrayList<>();
    ApiClient.json(refused).get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertEquals(
        // No changedBy problem: the signed-in caller is who changes it, whatever the body says.
        List.of("table.defaultBureau", "table.routes[0].bureau"),
        paths.stream().sorted().toList(),
        refused.body());

    var accepted = API.send("PUT", "/api/v1/routing", "application/json", body(draft, "ops.wang"));
    assertEquals(202, accepted.statusCode(), accepted.body());
    assertEquals(1, ApiClient.json(accepted).get("version").asInt());

    awaitVersion(1);
    assertEquals(202, API.postBagListing("rt-2", "tb_route_after").statusCode());
    var after = API.awaitAlert(AFTER);
    assertEquals("TAX", after.get("bureau").get("id").asText());
    assertEquals(1, after.get("routingVersion").asInt());
    // The alert routed before keeps its bureau until new evidence arrives.
    assertEquals(
        "MARKET_SUPERVISION",
        ApiClient.json(API.get(ApiClient.alertPath(BEFORE))).get("bureau").get("id").asText());

    var history = ApiClient.json(API.get("/api/v1/routing/history"));
    assertEquals(1, history.size(), history.toString());
    assertEquals(1, history.get(0).get("version").asInt());
    assertEquals(
        "it-superuser",
        history.get(0).get("changedBy").asText(),
        "the signed-in caller, not the body's ops.wang");
    assertTrue(history.get(0).get("accepted").asBoolean());
    List<String> changes = new ArrayList<>();
    history.get(0).get("changes").forEach(c -> changes.add(c.asText()));
    assertEquals(List.of("routes[0].bureau: \"MARKET_SUPERVISION\" -> \"TAX\""), changes);
  }

  @Test
  @Order(2)
  void shouldKeepTheChangeInForceAfterRestartsWithAndWithoutLocalState() throws Exception {
    var shown = ApiClient.json(API.get("/api/v1/routing"));
    ObjectNode draft = trademarksToTax(shown);
    var accepted = API.send("PUT", "/api/v1/routing", "application/json", body(draft, "ops.li"));
    assertEquals(202, accepted.statusCode(), accepted.body());
    int version = ApiClient.json(accepted).get("version").asInt();
    awaitVersion(version);

    restart(false);
    awaitVersion(version);
    assertEquals(202, API.postBagListing("rt-3", "tb_route_restarted").statusCode());
    assertEquals(
        "TAX",
        API.awaitAlert("taobao:tb_route_restarted:COUNTERFEIT_TRADEMARK")
            .get("bureau")
            .get("id")
            .asText());

    restart(true);
    awaitVersion(version);
  }
}
