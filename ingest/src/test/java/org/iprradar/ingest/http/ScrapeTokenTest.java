package org.iprradar.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes with the deployment's scrape token, which never expires and therefore opens
 * the metrics and nothing else.
 */
class ScrapeTokenTest {

  private static final String TOKEN = "scrape-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c2e";
  private static IngestServer server;

  @BeforeAll
  static void start() {
    server = new IngestServer(true, Map.of("ipr.metrics.scrape-token", TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theScrapeTokenReadsTheMetrics() throws Exception {
    var metrics = server.send("GET", "/prometheus", "", "Authorization", "Bearer " + TOKEN);

    assertEquals(200, metrics.statusCode(), metrics.body());
    assertTrue(metrics.body().contains("# TYPE "), "Prometheus text format");
  }

  @Test
  void theScrapeTokenOpensNothingElse() throws Exception {
    var partners =
        server.send("GET", "/api/v1/admin/partners", "", "Authorization", "Bearer " + TOKEN);
    var rule =
        server.send(
            "PUT",
            "/api/v1/rules/r1",
            "{\"query\":\"高仿\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":40}",
            "Authorization",
            "Bearer " + TOKEN);

    assertEquals(401, partners.statusCode(), partners.body());
    assertEquals(401, rule.statusCode(), rule.body());
    assertEquals(0, server.sent("rules").size());
  }

  @Test
  void anotherTokenIsRefusedAndOperatorsStillScrape() throws Exception {
    var wrong =
        server.send("GET", "/prometheus", "", "Authorization", "Bearer " + TOKEN.replace('7', '8'));
    var operator =
        server.send(
            "GET",
            "/prometheus",
            "",
            "Authorization",
            "Bearer " + server.token("op", Roles.OPERATOR));
    var analyst =
        server.send(
            "GET",
            "/prometheus",
            "",
            "Authorization",
            "Bearer " + server.token("an", Roles.ANALYST));

    assertEquals(401, wrong.statusCode());
    assertEquals(200, operator.statusCode());
    assertEquals(403, analyst.statusCode());
  }

  @Test
  void aShortScrapeTokenStopsTheStartNamingTheSetting() {
    var e =
        assertThrows(
            RuntimeException.class,
            () -> new IngestServer(true, Map.of("ipr.metrics.scrape-token", "short")).close());
    assertTrue(rootMessage(e).contains("IPR_METRICS_SCRAPE_TOKEN"), rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
