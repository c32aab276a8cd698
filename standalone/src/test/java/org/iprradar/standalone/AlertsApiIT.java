package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts API as the web UI uses it, against a real in-process broker: pages, sorts and filters
 * of the list, errors as JSON from every part of the system, and the OpenAPI documents.
 */
class AlertsApiIT {

  private static final String TYPE = ":COUNTERFEIT_TRADEMARK";
  private static final List<String> SELLERS = List.of("tb_api_a", "tb_api_b", "tb_api_c");

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() throws Exception {
    app = TestSystem.start(dataDir);
    // One after the other, so that their creation times are in this order.
    for (int i = 0; i < SELLERS.size(); i++) {
      var listing = API.postBagListing("api-" + i, SELLERS.get(i));
      assertEquals(202, listing.statusCode(), listing.body());
      API.awaitAlert("taobao:" + SELLERS.get(i) + TYPE);
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static JsonNode list(String query) throws Exception {
    var response = API.get("/api/v1/alerts?text=tb_api_&" + query);
    assertEquals(200, response.statusCode(), response.body());
    return ApiClient.json(response);
  }

  private static List<String> ids(JsonNode page) {
    var ids = new ArrayList<String>();
    page.get("alerts").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  private static String id(int seller) {
    return "taobao:" + SELLERS.get(seller) + TYPE;
  }

  @Test
  void shouldPageThroughEveryMatchOnceWithTheTotalCount() throws Exception {
    var first = list("offset=0&limit=2");
    assertEquals(3, first.get("count").asInt());
    assertEquals(0, first.get("offset").asInt());
    assertEquals(2, first.get("limit").asInt());
    var second = list("offset=2&limit=2");
    assertEquals(3, second.get("count").asInt());
    assertEquals(List.of(), ids(list("offset=3&limit=2")));

    var seen = new LinkedHashSet<String>(ids(first));
    seen.addAll(ids(second));
    assertEquals(java.util.Set.of(id(0), id(1), id(2)), seen, "pages neither overlap nor skip");
    assertEquals(50, ApiClient.json(API.get("/api/v1/alerts")).get("limit").asInt(), "default");
  }

  @Test
  void shouldSortByCreationAndUpdateNewestFirst() throws Exception {
    assertEquals(List.of(id(2), id(1), id(0)), ids(list("sort=created")));

    var note =
        API.postJson(
            ApiClient.alertPath(id(0)) + "/actions",
            "{\"action\":\"NOTE\",\"actor\":\"li.wei\",\"reason\":\"seen\"}");
    assertEquals(202, note.statusCode(), note.body());
    API.awaitAlert(id(0), a -> a.get("history").size() == 1);

    assertEquals(id(0), ids(list("sort=updated")).get(0), "the noted alert was updated last");
    assertEquals(List.of(id(2), id(1), id(0)), ids(list("sort=CREATED")), "creation unchanged");
  }

  @Test
  void shouldFilterByCategoryAssigneeAndUnassigned() throws Exception {
    assertEquals(3, list("category=luxury_bags").get("count").asInt());
    assertEquals(0, list("category=footwear").get("count").asInt());

    var assign =
        API.postJson(
            ApiClient.alertPath(id(1)) + "/actions",
            "{\"action\":\"ASSIGN\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\"}");
    assertEquals(202, assign.statusCode(), assign.body());
    var assigned = API.awaitAlert(id(1), a -> a.path("assignee").asText().equals("zhang.min"));
    assertEquals("ASSIGNED", assigned.get("status").asText());

    assertEquals(List.of(id(1)), ids(list("assignee=zhang.min")));
    assertEquals(0, list("assignee=nobody").get("count").asInt());
    var unassigned = ids(list("unassigned=true"));
    assertEquals(2, unassigned.size(), unassigned.toString());
    assertFalse(unassigned.contains(id(1)));
  }

  @Test
  void shouldRefuseBadListParametersWithJson() throws Exception {
    for (String query :
        List.of(
            "sort=best",
            "limit=0",
            "limit=1001",
            "offset=-1",
            "offset=first",
            "minScore=high",
            "status=SLEEPING")) {
      var response = API.get("/api/v1/alerts?" + query);
      var body = error(response, 400);
      String parameter = query.substring(0, query.indexOf('='));
      assertTrue(
          body.get("message").asText().contains(parameter), query + " -> " + response.body());
    }
  }

  @Test
  void shouldAnswerEveryErrorOfEveryAppAsJsonWithAMessage() throws Exception {
    assertEquals("not_found", error(API.get("/api/v1/nothing"), 404).get("error").asText());
    assertEquals(
        "not_found", error(API.get(ApiClient.alertPath("taobao:x:Y")), 404).get("error").asText());
    assertEquals(
        "method_not_allowed",
        error(API.send("DELETE", "/api/v1/alerts", null, null), 405).get("error").asText());
    assertEquals(
        "method_not_allowed",
        error(API.send("PUT", "/api/v1/listings", "application/json", "{}"), 405)
            .get("error")
            .asText());
    assertEquals(
        "unsupported_media_type",
        error(API.post("/api/v1/listings", "text/csv", "a,b"), 415).get("error").asText());
    assertEquals(
        "malformed_body",
        error(API.postJson("/api/v1/listings", "{\"platform\": "), 400).get("error").asText());
    assertEquals(
        "malformed_body",
        error(API.postJson(ApiClient.alertPath(id(2)) + "/actions", "{\"action\": "), 400)
            .get("error")
            .asText());
  }

  @Test
  void shouldServeTheOpenApiDocumentsOfAlertsAndIngest() throws Exception {
    var alerts = API.get("/openapi/alerts.yml");
    assertEquals(200, alerts.statusCode(), alerts.body());
    for (String expected :
        List.of(
            "/api/v1/alerts:",
            "/api/v1/alerts/{id}:",
            "/api/v1/alerts/{id}/actions:",
            "/api/v1/alerts/{id}/deliveries:",
            "name: offset",
            "name: limit",
            "name: sort",
            "name: assignee",
            "name: unassigned",
            "name: category",
            "name: Idempotency-Key",
            "requestId")) {
      assertTrue(alerts.body().contains(expected), expected + " missing from alerts.yml");
    }
    var ingest = API.get("/openapi/ingest.yml");
    assertEquals(200, ingest.statusCode(), ingest.body());
    assertTrue(ingest.body().contains("/api/v1/listings:"), ingest.body());
    error(API.get("/openapi/detect.yml"), 404);
  }

  /** The error body, after checking the status and that it is JSON with a code and a message. */
  private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    var body = ApiClient.json(response);
    assertFalse(body.path("error").asText().isBlank(), response.body());
    assertFalse(body.path("message").asText().isBlank(), response.body());
    return body;
  }
}
