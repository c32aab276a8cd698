package org.iprradar.web.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.AuditRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit filter with security on: the caller a request was authenticated as is recorded, and so
 * are writes the security filter refuses, without their body.
 */
class AuditFilterTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PHONE = "13912345678";
  private static EmbeddedServer server;
  private static RecordingAuditLog audit;

  @BeforeAll
  static void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.enabled", true,
                "micronaut.security.endpoints.login.enabled", false,
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                    "audit-filter-test-secret-long-enough-for-hs256",
                "audit-test.enabled", true));
    audit = server.getApplicationContext().getBean(RecordingAuditLog.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    audit.records.clear();
    audit.failing = false;
    audit.held = null;
  }

  @Test
  void theAnswerWaitsForTheAuditRecordToBeStored() throws Exception {
    audit.held = new java.util.concurrent.CopyOnWriteArrayList<>();
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/things/t-11"))
            .header("Content-Type", "application/json")
            .header("X-Test-Caller", "p;PARTNER;;jd")
            .POST(HttpRequest.BodyPublishers.ofString("[{}]"))
            .build();
    var answer = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (audit.held.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, audit.held.size());

    assertFalse(answer.isDone(), "answered before the audit record was stored");
    audit.held.get(0).complete(null);
    assertEquals(202, answer.get().statusCode());
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static AuditRecord only() {
    assertEquals(1, audit.records.size(), audit.records.toString());
    return audit.records.get(0);
  }

  @Test
  void anAuthenticatedWriteIsRecordedWithItsCallerAndWithoutItsBody() throws Exception {
    String body = "[{\"phone\": \"" + PHONE + "\"}, {\"phone\": \"13800000000\"}]";
    var response =
        send(
            "POST",
            "/things/t-7",
            body,
            "X-Test-Caller",
            "tb-partner;PARTNER;;taobao",
            "X-Forwarded-For",
            "203.0.113.9, 10.0.0.1",
            "User-Agent",
            "partner-sync/2.1",
            "Idempotency-Key",
            "batch-42",
            "X-Api-Key",
            "secret-api-key-value");
    assertEquals(202, response.statusCode(), response.body());

    AuditRecord record = only();
    assertEquals("tb-partner", record.who());
    assertEquals(List.of("PARTNER"), record.roles());
    assertEquals(List.of("taobao"), record.platforms());
    assertEquals("POST /things/{thingId}", record.action());
    assertEquals(Map.of("thingId", "t-7"), record.target());
    assertEquals(202, record.outcome());
    assertEquals("127.0.0.1", record.remoteAddress());
    assertEquals("203.0.113.9, 10.0.0.1", record.forwardedFor());
    assertEquals("partner-sync/2.1", record.userAgent());
    assertEquals("batch-42", record.requestId());
    assertEquals(2, record.records());
    assertEquals(AuditFilter.sha256(body.getBytes(StandardCharsets.UTF_8)), record.bodySha256());
    assertEquals(body.getBytes(StandardCharsets.UTF_8).length, record.bodyBytes());
    String stored = Json.mapper().writeValueAsString(record);
    assertFalse(stored.contains(PHONE), stored);
    assertFalse(stored.contains("secret-api-key-value"), stored);
  }

  @Test
  void aWriteWithoutCredentialsIsRecordedAsAnonymous() throws Exception {
    var response = send("POST", "/things/t-8", "[]");
    assertEquals(401, response.statusCode(), response.body());

    AuditRecord record = only();
    assertEquals(AuditRecord.ANONYMOUS, record.who());
    assertEquals(List.of(), record.roles());
    assertEquals("POST /things/{thingId}", record.action());
    assertEquals(401, record.outcome());
  }

  @Test
  void aWriteWithTheWrongRoleIsRecordedWithTheCaller() throws Exception {
    var response =
        send("POST", "/things/t-9", "[]", "X-Test-Caller", "li.wei;ANALYST;MARKET_SUPERVISION;");
    assertEquals(403, response.statusCode(), response.body());

    AuditRecord record = only();
    assertEquals("li.wei", record.who());
    assertEquals("MARKET_SUPERVISION", record.bureau());
    assertEquals(403, record.outcome());
  }

  @Test
  void readsAreNotAudited() throws Exception {
    assertEquals(200, send("GET", "/things", null).statusCode());
    assertEquals(0, audit.records.size(), audit.records.toString());
  }

  @Test
  void aSignInKeepsNotEvenTheDigestOfItsPassword() throws Exception {
    send("POST", "/login", "{\"username\": \"li.wei\", \"password\": \"hunter2\"}");

    AuditRecord record = only();
    assertEquals("POST /login", record.action());
    assertNull(record.bodySha256());
  }

  @Test
  void anUnstoredAuditIsCountedAndTheWriteAnsweredAsItWas() throws Exception {
    var meters = server.getApplicationContext().getBean(MeterRegistry.class);
    double before = meters.counter("ipr.audit.failed").count();
    audit.failing = true;

    var response = send("POST", "/things/t-10", "[{}]", "X-Test-Caller", "p;PARTNER;;jd");

    assertEquals(202, response.statusCode(), response.body());
    assertEquals(before + 1, meters.counter("ipr.audit.failed").count());
    assertTrue(audit.records.isEmpty());
  }
}
