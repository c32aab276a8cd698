package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.AuditRecord;
import org.iprradar.ingest.partners.DemoPartner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit trail against a real in-process broker: a write through each app's API (ingest's feed,
 * alerts' triage, detect's operator) leaves exactly one record, refused writes too, GETs none, and
 * no body; supervisors read it filtered and export it as CSV.
 */
class AuditIT {

  private static final String PHONE = "13912345678";
  private static final String ALERT = "taobao:tb_audit_bags:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;
  @TempDir static Path profile;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    app = TestSystem.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static List<JsonNode> audit(String query) throws Exception {
    var response = API.get("/api/v1/audit?" + query);
    assertEquals(200, response.statusCode(), response.body());
    var entries = new ArrayList<JsonNode>();
    ApiClient.json(response).get("entries").forEach(entries::add);
    return entries;
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode only(List<JsonNode> entries) {
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  @Test
  void everyAppsWritesAreAuditedOnceWithoutTheirBodyAndReadsAreNot() throws Exception {
    String listing =
        "{\"platform\":\"taobao\",\"listingId\":\"au-1\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
            + "\"description\":\"微信 "
            + PHONE
            + "\",\"price\":399,\"sellerId\":\"tb_audit_bags\",\"sellerRegion\":\"320602\","
            + "\"category\":\"luxury_bags\"}";
    // As a partner's program sends it: its API key, no bearer token.
    var posted =
        API.as(null)
            .send(
                "POST",
                "/api/v1/listings",
                "application/json",
                listing,
                "X-Api-Key",
                DemoPartner.KEY,
                "X-Forwarded-For",
                "198.51.100.7",
                "User-Agent",
                "partner-sync/3",
                "Idempotency-Key",
                "au-batch-1");
    assertEquals(202, posted.statusCode(), posted.body());

    // Answered once the record is stored: no waiting for it.
    var feed = only(audit("action=" + q("POST /api/v1/listings")));
    assertEquals(DemoPartner.PARTNER_ID, feed.get("who").asText());
    assertEquals("[\"PARTNER\"]", feed.get("roles").toString());
    assertFalse(feed.toString().contains(DemoPartner.KEY), "the key is never audited");
    assertEquals(202, feed.get("outcome").asInt());
    assertEquals(1, feed.get("records").asInt());
    assertEquals("127.0.0.1", feed.get("remoteAddress").asText());
    assertEquals("198.51.100.7", feed.get("forwardedFor").asText());
    assertEquals("partner-sync/3", feed.get("userAgent").asText());
    assertEquals("au-batch-1", feed.get("requestId").asText());
    assertEquals(
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(listing.getBytes(StandardCharsets.UTF_8))),
        feed.get("bodySha256").asText());
    assertFalse(feed.toString().contains(PHONE), feed.toString());
    assertFalse(feed.toString().contains("老花"), feed.toString());

    // An attempt without credentials is refused, and recorded as anonymous.
    assertEquals(401, API.as(null).postJson("/api/v1/listings", listing).statusCode());
    var attempt = only(audit("outcome=401&action=" + q("POST /api/v1/listings")));
    assertEquals(AuditRecord.ANONYMOUS, attempt.get("who").asText());

    API.awaitAlert(ALERT);
    String actions = ApiClient.alertPath(ALERT) + "/actions";
    var assign =
        API.postJson(
            actions, "{\"action\":\"ASSIGN\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\"}");
    assertEquals(202, assign.statusCode(), assign.body());
    var refused = API.postJson(actions, "{\"action\":\"NOTE\",\"actor\":\"li.wei\"}");
    assertEquals(400, refused.statusCode(), refused.body());

    var triage = audit("action=" + q("POST /api/v1/alerts/{id}/actions"));
    assertEquals(2, triage.size(), triage.toString());
    // Newest first: the refused note, then the assignment.
    assertEquals(400, triage.get(0).get("outcome").asInt());
    assertEquals(202, triage.get(1).get("outcome").asInt());
    assertEquals(ALERT, triage.get(1).get("target").get("id").asText());
    assertEquals(
        ALERT,
        only(audit("outcome=4xx&action=" + q("/api/v1/alerts"))).get("target").get("id").asText());

    var rule =
        API.send(
            "PUT",
            "/api/v1/operator/rules/audit-it-rule",
            "application/json",
            "{\"id\":\"audit-it-rule\",\"query\":\"\\\"审计特供\\\"\","
                + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":40,\"enabled\":true}",
            "X-Changed-By",
            "it-operator");
    assertEquals(200, rule.statusCode(), rule.body());
    var change = only(audit("action=" + q("PUT /api/v1/operator/rules/{ruleId}")));
    assertEquals("audit-it-rule", change.get("target").get("ruleId").asText());
    assertEquals("it-superuser", change.get("who").asText(), "the signed-in caller");
    assertEquals(200, change.get("outcome").asInt());

    assertEquals(200, API.get("/api/v1/alerts").statusCode());
    assertEquals(List.of(), audit("action=GET"));
  }

  @Test
  void supervisorsFilterByWhoAndTimeAndExportWithFormulasDefused() throws Exception {
    // Weeks ago, within the topic's retention (older records would be deleted under the test), and
    // in the order of their times, as the apps write them.
    LocalDate day0 = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    String evil = "=HYPERLINK(\"http://evil\")";
    write(evil, day0.plusDays(1), 401);
    write("auditor.x", day0.plusDays(3), 202);
    write("auditor.y", day0.plusDays(6), 403);
    write("auditor.x", day0.plusDays(9), 202);
    String weeks = "from=" + day0 + "&to=" + day0.plusDays(20);

    var ofX = audit("who=auditor.x&action=" + q("DELETE /api/v1/rules"));
    assertEquals(2, ofX.size(), ofX.toString());
    assertEquals(at(day0.plusDays(9)).toString(), ofX.get(0).get("at").asText());
    assertEquals(at(day0.plusDays(3)).toString(), ofX.get(1).get("at").asText());
    String later = "from=" + day0.plusDays(5) + "T00:00:00Z&to=" + day0.plusDays(20);
    assertEquals(
        at(day0.plusDays(9)).toString(), only(audit("who=auditor.x&" + later)).get("at").asText());

    var all = audit(weeks);
    assertEquals(
        List.of("auditor.x", "auditor.y", "auditor.x", evil),
        all.stream().map(e -> e.get("who").asText()).toList());
    var first = ApiClient.json(API.get("/api/v1/audit?limit=3&" + weeks));
    assertTrue(first.get("more").asBoolean());
    var second = ApiClient.json(API.get("/api/v1/audit?limit=3&offset=3&" + weeks));
    assertFalse(second.get("more").asBoolean());
    assertEquals(evil, second.get("entries").get(0).get("who").asText());
    assertEquals(1, second.get("entries").size());
    assertEquals("auditor.y", only(audit("outcome=403&" + weeks)).get("who").asText());

    var csv = API.get("/api/v1/audit.csv?from=" + day0 + "&to=" + day0.plusDays(2));
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().startsWith("\uFEFF"), csv.body());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    var lines = csv.body().split("\r\n");
    assertEquals(2, lines.length, csv.body());
    assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), lines[1]);

    var bad = API.get("/api/v1/audit?from=yesterday");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("from"), bad.body());
  }

  private static Instant at(LocalDate day) {
    return day.atTime(8, 0).toInstant(ZoneOffset.UTC);
  }

  /**
   * Skipped without Chromium, unless {@code IPR_REQUIRE_BROWSER=true}, like {@link AnalystUiIT}.
   */
  @Test
  void theAuditPageShowsTheWritesFilteredAndLinksTheirExport() throws Exception {
    String missing = HeadlessChromium.missing();
    Assumptions.assumeTrue(missing == null, () -> missing);
    assertEquals(
        202,
        API.postJson(
                "/api/v1/complaints",
                "{\"platform\":\"taobao\",\"complaintId\":\"au-c1\","
                    + "\"source\":\"CONSUMER_12315\",\"sellerId\":\"tb_audit_ui\"}")
            .statusCode());
    WebDriver browser = HeadlessChromium.start(profile);
    try {
      var wait = new WebDriverWait(browser, ApiClient.PIPELINE, Duration.ofMillis(250));
      HeadlessChromium.signIn(browser, app.url(), "supervisor", "supervisor-demo");
      wait.until(d -> d.findElement(By.id("nav-audit")).isDisplayed());
      browser.findElement(By.id("nav-audit")).click();
      wait.until(d -> d.findElements(By.cssSelector("#audit-rows tr")).size() >= 1);

      var action = browser.findElement(By.id("audit-action"));
      action.sendKeys("/api/v1/complaints");
      browser.findElement(By.id("audit-apply")).click();
      wait.until(
          d -> {
            var rows = d.findElements(By.cssSelector("#audit-rows tr"));
            return rows.size() == 1 && rows.get(0).getText().contains("POST /api/v1/complaints");
          });
      assertTrue(browser.findElement(By.cssSelector("#audit-rows tr")).getText().contains("202"));
      String export = browser.findElement(By.id("audit-export")).getAttribute("href");
      assertTrue(export.endsWith("/api/v1/audit.csv?action=%2Fapi%2Fv1%2Fcomplaints"), export);
    } catch (Exception | AssertionError e) {
      HeadlessChromium.keepEvidence(browser, "AuditIT");
      throw e;
    } finally {
      browser.quit();
    }
  }

  /** An audit record as an app of an earlier year left it, stamped with its time. */
  private static void write(String who, LocalDate day, int outcome) throws Exception {
    Instant time = at(day);
    var record =
        new AuditRecord(
            who + time,
            time,
            who,
            List.of("SUPERVISOR"),
            null,
            null,
            List.of(),
            "DELETE /api/v1/rules/{ruleId}",
            Map.of("ruleId", "old-rule"),
            outcome,
            "10.1.2.3",
            null,
            null,
            null,
            null,
            null,
            0);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                app.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            Topics.AUDIT.keySerde().serializer(),
            Topics.AUDIT.valueSerde().serializer())) {
      producer
          .send(new ProducerRecord<>(Topics.AUDIT.name(), null, time.toEpochMilli(), who, record))
          .get();
    }
  }
}
