package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, over HTTP, with the demo accounts of the embedded default signing in at {@code
 * /login}: every role against the endpoints of the others, an analyst reaching for another bureau's
 * or district's alert, tampered and expired tokens, disabled accounts and the refusal of a
 * production configuration with demo credentials.
 */
class AccessControlIT {

  /** Market supervision, district 320602 (Chongchuan). */
  private static final String BAGS = "taobao:tb_acl_bags:COUNTERFEIT_TRADEMARK";

  /** Market supervision, district 320612 (Tongzhou). */
  private static final String SHOES = "taobao:tb_acl_shoes:COUNTERFEIT_TRADEMARK";

  /** The copyright bureau. */
  private static final String KEYS = "xianyu:xy_acl_keys:PIRACY_COPYRIGHT";

  @TempDir static Path dataDir;
  @TempDir static Path refusedDir;

  private static Standalone app;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    app = TestSystem.start(dataDir);
    api = new ApiClient(() -> app.url());
    post(
        "{\"platform\":\"taobao\",\"listingId\":\"acl-1\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
            + "\"price\":399,\"sellerId\":\"tb_acl_bags\",\"sellerRegion\":\"320602\","
            + "\"category\":\"luxury_bags\"}");
    post(
        "{\"platform\":\"taobao\",\"listingId\":\"acl-2\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
            + "\"price\":399,\"sellerId\":\"tb_acl_shoes\",\"sellerRegion\":\"320612\","
            + "\"category\":\"luxury_bags\"}");
    post(
        "{\"platform\":\"xianyu\",\"listingId\":\"acl-3\",\"title\":\"Office 2021 专业增强版 永久激活码"
            + " win/mac 秒发\",\"price\":6.8,\"sellerId\":\"xy_acl_keys\",\"sellerRegion\":\"320612\","
            + "\"category\":\"software\"}");
    for (String id : List.of(BAGS, SHOES, KEYS)) {
      api.awaitAlert(id);
    }
  }

  private static void post(String listing) throws Exception {
    var response = api.postJson("/api/v1/listings", listing);
    assertEquals(202, response.statusCode(), response.body());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** One call and the status the role must get. */
  private record Call(String method, String path, String body, int status) {}

  private static void check(ApiClient client, String who, List<Call> calls) throws Exception {
    for (Call call : calls) {
      var response =
          client.send(
              call.method(),
              call.path(),
              call.body() == null ? null : "application/json",
              call.body());
      assertEquals(
          call.status(),
          response.statusCode(),
          who + " " + call.method() + " " + call.path() + ": " + response.body());
    }
  }

  @Test
  void everyRoleMayDoItsWorkAndNothingElse() throws Exception {
    String routing = "{\"table\":{},\"changedBy\":\"x\",\"comment\":\"x\"}";
    String listing =
        "{\"platform\":\"taobao\",\"listingId\":\"acl-x\",\"title\":\"x\",\"price\":1,"
            + "\"sellerId\":\"x\"}";
    check(
        api.as(null),
        "anonymous",
        List.of(
            new Call("GET", "/", null, 200),
            new Call("GET", "/js/app.js", null, 200),
            new Call("GET", "/health/liveness", null, 200),
            new Call("GET", "/health/readiness", null, 200),
            new Call("GET", "/api/v1/alerts", null, 401),
            new Call("GET", "/api/v1/operator/rules", null, 401),
            new Call("GET", "/api/v1/admin/accounts", null, 401),
            new Call("GET", "/prometheus", null, 401),
            new Call("POST", "/api/v1/listings", listing, 401)));
    check(
        api.signIn("analyst", "analyst-demo"),
        "analyst",
        List.of(
            new Call("GET", "/api/v1/alerts", null, 200),
            new Call("GET", ApiClient.alertPath(BAGS), null, 200),
            new Call("GET", "/api/v1/reports/summary", null, 200),
            new Call("GET", "/api/v1/exports/alerts.csv", null, 200),
            new Call("GET", "/api/v1/routing", null, 403),
            new Call("PUT", "/api/v1/routing", routing, 403),
            new Call("GET", "/api/v1/operator/rules", null, 403),
            new Call("DELETE", "/api/v1/rules/acl-rule", null, 403),
            new Call("GET", "/api/v1/admin/accounts", null, 403),
            new Call("GET", "/api/v1/ops/summary", null, 403),
            new Call("GET", "/prometheus", null, 403),
            new Call("POST", "/api/v1/listings", listing, 403)));
    check(
        api.signIn("supervisor", "supervisor-demo"),
        "supervisor",
        List.of(
            new Call("GET", ApiClient.alertPath(KEYS), null, 200),
            new Call("GET", "/api/v1/routing", null, 200),
            new Call("GET", "/api/v1/ops/summary", null, 200),
            new Call("PUT", "/api/v1/routing", routing, 403),
            new Call("GET", "/api/v1/operator/rules", null, 403),
            new Call("GET", "/api/v1/admin/accounts", null, 403),
            new Call("POST", "/api/v1/listings", listing, 403)));
    check(
        api.signIn("operator", "operator-demo"),
        "operator",
        List.of(
            new Call("GET", "/api/v1/operator/rules", null, 200),
            new Call("GET", "/api/v1/routing", null, 200),
            new Call("GET", "/prometheus", null, 200),
            new Call("GET", "/api/v1/ops/summary", null, 200),
            new Call("GET", "/api/v1/alerts", null, 403),
            new Call("GET", "/api/v1/admin/accounts", null, 403),
            new Call("POST", "/api/v1/listings", listing, 403)));
    check(
        api.signIn("admin", "admin-demo"),
        "admin",
        List.of(
            new Call("GET", "/api/v1/admin/accounts", null, 200),
            new Call("GET", "/prometheus", null, 200),
            new Call("GET", "/api/v1/alerts", null, 403),
            // An administrator may load any platform's data (a backfill, a correction).
            new Call("POST", "/api/v1/listings", listing, 202)));
    var partner =
        api.as(
            TestTokens.mint(
                "partner-taobao",
                List.of(Roles.PARTNER),
                Map.of("platforms", List.of("taobao")),
                Instant.now().plusSeconds(600)));
    check(
        partner,
        "partner",
        List.of(
            new Call("GET", "/api/v1/alerts", null, 403),
            new Call("GET", "/api/v1/operator/rules", null, 403),
            new Call("DELETE", "/api/v1/rules/acl-rule", null, 403)));
  }

  @Test
  void anAnalystSeesAndActsOnlyOnTheAlertsOfTheirBureauAndDistrict() throws Exception {
    var analyst = api.signIn("analyst", "analyst-demo");
    assertEquals(Set.of(BAGS, SHOES), ids(analyst, "/api/v1/alerts?limit=1000"));
    // Another bureau's alert is answered as if it did not exist, reading or acting.
    var other = analyst.get(ApiClient.alertPath(KEYS));
    assertEquals(404, other.statusCode(), other.body());
    assertEquals("not_found", ApiClient.json(other).get("error").asText());
    var act =
        analyst.postJson(
            ApiClient.alertPath(KEYS) + "/actions", "{\"action\":\"NOTE\",\"reason\":\"seen\"}");
    assertEquals(404, act.statusCode(), act.body());
    // Filtered at the query, so the count is theirs, not the city's.
    assertEquals(2, ApiClient.json(analyst.get("/api/v1/alerts?limit=1")).get("count").asInt());
    assertFalse(analyst.get("/api/v1/exports/alerts.csv").body().contains("xy_acl_keys"));

    var district = api.signIn("district.analyst", "district-demo");
    assertEquals(Set.of(BAGS), ids(district, "/api/v1/alerts?limit=1000"));
    assertEquals(404, district.get(ApiClient.alertPath(SHOES)).statusCode());

    var police = api.signIn("police.analyst", "police-demo");
    assertEquals(Set.of(), ids(police, "/api/v1/alerts?limit=1000"), "nothing referred yet");

    var supervisor = api.signIn("supervisor", "supervisor-demo");
    assertTrue(ids(supervisor, "/api/v1/alerts?limit=1000").containsAll(Set.of(BAGS, SHOES, KEYS)));

    // An analyst acts in their own name; the history shows who, from the token.
    var note =
        analyst.postJson(
            ApiClient.alertPath(BAGS) + "/actions", "{\"action\":\"NOTE\",\"reason\":\"seen\"}");
    assertEquals(202, note.statusCode(), note.body());
    assertEquals("analyst", ApiClient.json(note).get("action").get("actor").asText());
    var impersonating =
        analyst.postJson(
            ApiClient.alertPath(BAGS) + "/actions",
            "{\"action\":\"NOTE\",\"actor\":\"zhang.min\",\"reason\":\"x\"}");
    assertEquals(400, impersonating.statusCode(), impersonating.body());
    assertEquals("actor", ApiClient.json(impersonating).get("field").asText());
  }

  private static Set<String> ids(ApiClient client, String path) throws Exception {
    var response = client.get(path);
    assertEquals(200, response.statusCode(), response.body());
    var ids = new HashSet<String>();
    ApiClient.json(response).get("alerts").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  @Test
  void aTamperedExpiredOrForeignTokenIsRefusedWith401() throws Exception {
    var login =
        api.as(null)
            .postJson("/login", "{\"username\":\"supervisor\",\"password\":\"supervisor-demo\"}");
    assertEquals(200, login.statusCode(), login.body());
    String token = ApiClient.json(login).get("access_token").asText();
    assertEquals(200, api.as(token).get("/api/v1/alerts").statusCode());

    // The payload rewritten to claim ADMIN, the signature kept: it no longer matches.
    String[] parts = token.split("\\.");
    String claims =
        new String(
                java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("SUPERVISOR", "ADMIN");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];
    var tampered = api.as(forged).get("/api/v1/admin/accounts");
    assertEquals(401, tampered.statusCode(), tampered.body());
    assertEquals("unauthorized", ApiClient.json(tampered).get("error").asText());

    String expired =
        TestTokens.mint(
            "supervisor", List.of(Roles.SUPERVISOR), Map.of(), Instant.now().minusSeconds(120));
    assertEquals(401, api.as(expired).get("/api/v1/alerts").statusCode());

    String foreign =
        TestTokens.mint(
            "supervisor",
            List.of(Roles.SUPERVISOR),
            Map.of(),
            Instant.now().plusSeconds(600),
            "another-deployment-secret-of-at-least-32-chars");
    assertEquals(401, api.as(foreign).get("/api/v1/alerts").statusCode());
  }

  @Test
  void administratorsManageAccountsAndADisabledAccountCannotSignIn() throws Exception {
    var admin = api.signIn("admin", "admin-demo");
    var unknownBureau =
        admin.postJson(
            "/api/v1/admin/accounts",
            "{\"name\":\"li.wei\",\"roles\":[\"analyst\"],\"bureau\":\"NOWHERE\","
                + "\"password\":\"a-long-enough-password\"}");
    assertEquals(400, unknownBureau.statusCode(), unknownBureau.body());
    assertEquals("bureau", ApiClient.json(unknownBureau).get("field").asText());
    var badDistrict =
        admin.postJson(
            "/api/v1/admin/accounts",
            "{\"name\":\"li.wei\",\"roles\":[\"ANALYST\"],\"bureau\":\"COPYRIGHT\","
                + "\"district\":\"320600\",\"password\":\"a-long-enough-password\"}");
    assertEquals(400, badDistrict.statusCode(), badDistrict.body());
    assertEquals("district", ApiClient.json(badDistrict).get("field").asText());

    var created =
        admin.postJson(
            "/api/v1/admin/accounts",
            "{\"name\":\"li.wei\",\"displayName\":\"李伟\",\"roles\":[\"ANALYST\"],"
                + "\"bureau\":\"COPYRIGHT\",\"password\":\"a-long-enough-password\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(created.body().contains("$2y$"), "no hash in answers: " + created.body());
    var liWei = api.signIn("li.wei", "a-long-enough-password");
    assertEquals(Set.of(KEYS), ids(liWei, "/api/v1/alerts?limit=1000"));

    // A wrong password and an unknown name fail alike: the answer does not say which.
    var wrong = api.as(null).postJson("/login", "{\"username\":\"li.wei\",\"password\":\"nope\"}");
    var unknown =
        api.as(null).postJson("/login", "{\"username\":\"nobody\",\"password\":\"nope\"}");
    assertEquals(401, wrong.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(wrong.body(), unknown.body());

    var disabled = admin.send("POST", "/api/v1/admin/accounts/li.wei/disable", null, null);
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertThrows(IllegalStateException.class, () -> api.signIn("li.wei", "a-long-enough-password"));
    // The token li.wei held before is refused too, not honoured until it expires.
    assertEquals(401, liWei.get("/api/v1/alerts").statusCode());
    assertEquals(200, admin.get("/api/v1/admin/accounts").statusCode());

    var peerName =
        admin.postJson(
            "/api/v1/admin/accounts",
            "{\"name\":\"alerts-peer\",\"roles\":[\"ANALYST\"],\"bureau\":\"COPYRIGHT\","
                + "\"password\":\"a-long-enough-password\"}");
    assertEquals(400, peerName.statusCode(), peerName.body());
    assertEquals("name", ApiClient.json(peerName).get("field").asText());
  }

  @Test
  void productionRefusesToStartWithDemoCredentials() {
    var settings = TestSystem.settings(refusedDir);
    settings.put("ipr.profile", "production");
    var refused = assertThrows(RuntimeException.class, () -> Standalone.start(settings).close());
    String message = causes(refused);
    assertTrue(message.contains("IPR_PROFILE=production"), message);
    // Whichever demo credential is checked first names itself: the token secret, the demo
    // accounts, or the demo partner's key.
    assertTrue(
        message.contains("IPR_TOKEN_SECRET")
            || message.contains("IPR_DEMO_ACCOUNTS")
            || message.contains("demo partner"),
        message);
  }

  private static String causes(Throwable e) {
    var text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
