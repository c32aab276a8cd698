package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail against a real in-process broker: a write through each app's API (ingest's feed,
 * alerts' triage, detect's operator) leaves exactly one record, refused writes too, GETs none, and
 * no body; supervisors read it filtered and export it as CSV.
 */
class AuditIT {

  private static final String PHONE = "13912345678";
  private static final String ALERT = "taobao:tb_audit_bags:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;

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
    var posted =
        API.send(
            "POST",
            "/api/v1/listings",
            "application/json",
            listing,
            "X-Forwarded-For",
            "198.51.100.7",
            "User-Agent",
            "partner-sync/3",
            "Idempotency-Key",
            "au-batch-1");
    assertEquals(202, posted.statusCode(), posted.body());

    // Answered once the record is stored: no waiting for it.
    var feed = only(audit("action=" + q("POST /api/v1/listings")));
    assertEquals(AuditRecord.ANONYMOUS, feed.get("who").asText());
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
    assertEquals(200, change.get("outcome").asInt());

    assertEquals(200, API.get("/api/v1/alerts").statusCode());
    assertEquals(List.of(), audit("action=GET"));
  }

  @Test
  void supervisorsFilterByWhoAndTimeAndExportWithFormulasDefused() throws Exception {
    // In the order of their times, as the apps write them.
    write("=HYPERLINK(\"http://evil\")", "2020-01-01T08:00:00Z", 401);
    write("auditor.x", "2020-03-01T08:00:00Z", 202);
    write("auditor.y", "2020-06-01T08:00:00Z", 403);
    write("auditor.x", "2020-09-01T08:00:00Z", 202);
    String year = "from=2020-01-01&to=2020-12-31";

    System.out.println("DEBUG1 " + audit("who=auditor.x"));
    System.out.println("DEBUG2 " + audit("action=" + q("DELETE /api/v1/rules")));
    System.out.println("DEBUG3 " + API.get("/api/v1/audit").body());
    var ofX = audit("who=auditor.x&action=" + q("DELETE /api/v1/rules"));
    assertEquals(2, ofX.size(), ofX.toString());
    assertEquals("2020-09-01T08:00:00Z", ofX.get(0).get("at").asText());
    assertEquals("2020-03-01T08:00:00Z", ofX.get(1).get("at").asText());
    assertEquals(
        "2020-09-01T08:00:00Z",
        only(audit("who=auditor.x&from=2020-06-01T00:00:00Z&to=2020-12-31")).get("at").asText());

    var all = audit(year);
    assertEquals(
        List.of("auditor.x", "auditor.y", "auditor.x", "=HYPERLINK(\"http://evil\")"),
        all.stream().map(e -> e.get("who").asText()).toList());
    var first = ApiClient.json(API.get("/api/v1/audit?limit=3&" + year));
    assertTrue(first.get("more").asBoolean());
    var second = ApiClient.json(API.get("/api/v1/audit?limit=3&offset=3&" + year));
    assertFalse(second.get("more").asBoolean());
    assertEquals(1, second.get("entries").size());
    assertEquals("auditor.y", only(audit("outcome=403&" + year)).get("who").asText());

    var csv = API.get("/api/v1/audit.csv?from=2020-01-01&to=2020-01-31");
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

  /** An audit record as an app of an earlier year left it, stamped with its time. */
  private static void write(String who, String at, int outcome) throws Exception {
    Instant time = Instant.parse(at);
    var record =
        new AuditRecord(
            who + at,
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
