package org.iprradar.ingest.http;

import static org.iprradar.ingest.http.IngestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partners over HTTP with security on: administrators manage partners and keys, a partner writes
 * only for its own platforms, and a refused key or platform writes nothing.
 */
class PartnerAccessTest {

  private static IngestServer server;
  private static Map<String, String> admin;

  @BeforeAll
  static void start() {
    server = new IngestServer();
    admin = bearer(server.token("root", Roles.ADMIN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    server.producer.clear();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private static Map<String, String> apiKey(String key) {
    return Map.of("X-Api-Key", key);
  }

  private static java.net.http.HttpResponse<String> send(
      String method, String path, String body, Map<String, String> credentials) throws Exception {
    return server.send(
        method,
        path,
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        false,
        credentials);
  }

  private static String listing(String platform, String id) {
    return "{\"platform\":\""
        + platform
        + "\",\"listingId\":\""
        + id
        + "\",\"sellerId\":\"s-1\",\"title\":\"LV 老花 手袋\",\"price\":199}";
  }

  /** Creates a partner for the platforms and returns a fresh key of it. */
  private static String partnerWithKey(String partnerId, String... platforms) throws Exception {
    var created =
        send(
            "PUT",
            "/api/v1/admin/partners/" + partnerId,
            "{\"name\":\""
                + partnerId
                + "\",\"platforms\":[\""
                + String.join("\",\"", platforms)
                + "\"]}",
            admin);
    assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
    return issueKey(partnerId);
  }

  private static String issueKey(String partnerId) throws Exception {
    var issued =
        send(
            "POST", "/api/v1/admin/partners/" + partnerId + "/keys", "{\"label\":\"test\"}", admin);
    assertEquals(201, issued.statusCode(), issued.body());
    String key = json(issued).get("key").asText();
    assertTrue(key.startsWith("ipr_" + json(issued).get("keyId").asText() + "_"), key);
    return key;
  }

  @Test
  void aPartnerWritesItsOwnPlatformAndAnyForeignRecordRefusesTheWholeRequest() throws Exception {
    String key = partnerWithKey("taobao-partner", "taobao", "tmall");

    var own = send("POST", "/api/v1/listings", listing("taobao", "own-1"), apiKey(key));
    assertEquals(202, own.statusCode(), own.body());
    assertEquals(1, server.sent("listings").size());
    server.producer.clear();

    var mixed =
        server.send(
            "POST",
            "/api/v1/listings",
            "application/x-ndjson",
            String.join(
                    "\n",
                    listing("taobao", "own-2"),
                    listing("jd", "foreign-1"),
                    listing("tmall", "own-3"),
                    listing(" pdd ", "foreign-2"))
                .getBytes(StandardCharsets.UTF_8),
            false,
            apiKey(key));

    assertEquals(403, mixed.statusCode(), mixed.body());
    JsonNode body = json(mixed);
    assertEquals("foreign_platform", body.get("error").asText());
    assertEquals(2, body.get("records").size());
    assertEquals(1, body.get("records").get(0).get("index").asInt());
    assertEquals(2, body.get("records").get(0).get("line").asInt());
    assertEquals("jd", body.get("records").get(0).get("platform").asText());
    assertEquals("pdd", body.get("records").get(1).get("platform").asText());
    assertTrue(server.producer.history().isEmpty(), "nothing of a refused request is written");
  }

  @Test
  void complaintsAndSellerRecordsOfAnotherPlatformAreRefused() throws Exception {
    String key = partnerWithKey("jd-partner", "jd");
    server.producer.clear();

    var complaint =
        send(
            "POST",
            "/api/v1/complaints",
            "{\"platform\":\"taobao\",\"complaintId\":\"c-1\",\"source\":\"CONSUMER_12315\","
                + "\"listingId\":\"t-1\"}",
            apiKey(key));
    var seller = send("PUT", "/api/v1/seller-records/taobao/s-9", "{}", apiKey(key));
    var sellerBodyDisagrees =
        send("PUT", "/api/v1/seller-records/jd/s-9", "{\"platform\":\"taobao\"}", apiKey(key));
    var ownSeller = send("PUT", "/api/v1/seller-records/jd/s-9", "{}", apiKey(key));

    assertEquals(403, complaint.statusCode(), complaint.body());
    assertEquals(403, seller.statusCode(), seller.body());
    assertEquals(403, sellerBodyDisagrees.statusCode(), sellerBodyDisagrees.body());
    assertEquals(202, ownSeller.statusCode(), ownSeller.body());
    assertEquals(1, server.producer.history().size());
    assertEquals("jd:s-9", server.producer.history().get(0).key());
  }

  @Test
  void rotatedKeysBothWorkUntilOneIsRevokedAndNeitherIsEverListed() throws Exception {
    String first = partnerWithKey("rotating", "taobao");
    String second = issueKey("rotating");
    String latest = "";
    for (var stored : server.sent("partners")) {
      latest = new String(stored.value(), StandardCharsets.UTF_8);
      assertFalse(latest.contains(first.substring(first.lastIndexOf('_') + 1)), latest);
    }
    assertTrue(latest.contains(org.iprradar.ingest.partners.ApiKeys.sha256(first)), latest);

    assertEquals(
        202,
        send("POST", "/api/v1/listings", listing("taobao", "r-1"), apiKey(first)).statusCode());
    assertEquals(
        202,
        send(
                "POST",
                "/api/v1/listings",
                listing("taobao", "r-2"),
                Map.of("Authorization", "ApiKey " + second))
            .statusCode());

    var keys = send("GET", "/api/v1/admin/partners/rotating/keys", "", admin);
    assertEquals(200, keys.statusCode(), keys.body());
    assertEquals(2, json(keys).size());
    var partners = send("GET", "/api/v1/admin/partners", "", admin);
    for (String listed : new String[] {keys.body(), partners.body()}) {
      for (String key : new String[] {first, second}) {
        assertFalse(listed.contains(key.substring(key.lastIndexOf('_') + 1)), listed);
        assertFalse(
            listed.contains(org.iprradar.ingest.partners.ApiKeys.sha256(key)),
            "the hash is not shown either: " + listed);
      }
    }

    String firstId = first.split("_")[1];
    var revoked = send("DELETE", "/api/v1/admin/partners/rotating/keys/" + firstId, "", admin);
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertFalse(json(revoked).get("live").asBoolean());
    server.producer.clear();

    var withRevoked = send("POST", "/api/v1/listings", listing("taobao", "r-3"), apiKey(first));
    assertEquals(401, withRevoked.statusCode(), withRevoked.body());
    assertEquals("invalid_api_key", json(withRevoked).get("error").asText());
    assertFalse(withRevoked.body().contains(first), "the key is never echoed");
    assertTrue(server.sent("listings").isEmpty());
    assertEquals(
        202,
        send("POST", "/api/v1/listings", listing("taobao", "r-4"), apiKey(second)).statusCode());
  }

  @Test
  void unknownOrMissingCredentialsAre401AndOnlyAdministratorsManagePartners() throws Exception {
    var unknown =
        send(
            "POST",
            "/api/v1/listings",
            listing("taobao", "u-1"),
            apiKey("ipr_0123456789abcdef_" + "ab".repeat(32)));
    var malformed = send("POST", "/api/v1/listings", listing("taobao", "u-2"), apiKey("hunter2"));
    var none = send("POST", "/api/v1/listings", listing("taobao", "u-3"), Map.of());
    assertEquals(401, unknown.statusCode());
    assertEquals(401, malformed.statusCode());
    assertFalse(malformed.body().contains("hunter2"));
    assertEquals(401, none.statusCode());
    assertTrue(server.producer.history().isEmpty());

    String create = "{\"name\":\"x\",\"platforms\":[\"taobao\"]}";
    var byPartner = send("PUT", "/api/v1/admin/partners/sneaky", create, apiKey(DemoPartner.KEY));
    var byOperator =
        send(
            "PUT",
            "/api/v1/admin/partners/sneaky",
            create,
            bearer(server.token("op", Roles.OPERATOR)));
    var analystLists =
        send("GET", "/api/v1/admin/partners", "", bearer(server.token("an", Roles.ANALYST)));
    var partnerIssues =
        send(
            "POST", "/api/v1/admin/partners/demo-marketplaces/keys", "{}", apiKey(DemoPartner.KEY));
    var partnerBrand =
        send(
            "PUT",
            "/api/v1/brands/gucci",
            "{\"names\":[\"Gucci\"],\"owner\":\"Guccio\"}",
            apiKey(DemoPartner.KEY));
    assertEquals(403, byPartner.statusCode());
    assertEquals(403, byOperator.statusCode());
    assertEquals(403, analystLists.statusCode());
    assertEquals(403, partnerIssues.statusCode());
    assertEquals(403, partnerBrand.statusCode());
    assertEquals(404, send("GET", "/api/v1/admin/partners/sneaky", "", admin).statusCode());
    assertTrue(server.producer.history().isEmpty());
  }

  @Test
  void anAdministratorMayLoadAnyPlatformAndPlatformIdsAreChecked() throws Exception {
    var any = send("POST", "/api/v1/listings", listing("amazon", "a-1"), admin);
    assertEquals(202, any.statusCode(), any.body());

    var bad =
        send(
            "PUT",
            "/api/v1/admin/partners/bad",
            "{\"name\":\"Bad\",\"platforms\":[\"taobao\",\"tao:bao\"]}",
            admin);
    assertEquals(400, bad.statusCode());
    assertTrue(json(bad).get("message").asText().startsWith("platforms[1]"), bad.body());
    var none =
        send("PUT", "/api/v1/admin/partners/bad", "{\"name\":\"Bad\",\"platforms\":[]}", admin);
    assertEquals(400, none.statusCode());
  }
}
