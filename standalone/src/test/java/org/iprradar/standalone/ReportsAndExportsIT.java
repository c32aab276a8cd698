package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports API and the CSV downloads over HTTP, against the whole system with a real in-process
 * broker: what a spreadsheet user gets, and figures that agree with the alert list.
 */
class ReportsAndExportsIT {

  private static final String BAGS = "taobao:tb_export_bags:COUNTERFEIT_TRADEMARK";
  private static final String KEYS = "xianyu:xy_export_keys:PIRACY_COPYRIGHT";
  private static final String HOSTILE_TITLE = "=HYPERLINK(\"http://x\") 驴牌 老花 手袋 高仿 专柜品质";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    app = TestSystem.start(dataDir);
    post(
        "{\"platform\":\"taobao\",\"listingId\":\"ex-1\",\"title\":"
            + Json.quote(HOSTILE_TITLE)
            + ",\"price\":399,\"sellerId\":\"tb_export_bags\",\"shopName\":\"@崇川,轻奢\","
            + "\"sellerRegion\":\"320602\",\"category\":\"luxury_bags\"}");
    post(
        "{\"platform\":\"xianyu\",\"listingId\":\"ex-2\",\"title\":\"Office 2021 专业增强版 永久激活码"
            + " win/mac 秒发\",\"price\":6.8,\"sellerId\":\"xy_export_keys\",\"sellerRegion\":\"320612\","
            + "\"category\":\"software\"}");
    API.awaitAlert(BAGS);
    API.awaitAlert(KEYS);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldDownloadTheFilteredAlertsAsExcelReadyCsv() throws Exception {
    var response = download("/api/v1/exports/alerts.csv?bureau=MARKET_SUPERVISION");

    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
        response.headers().toString());
    assertEquals(
        "attachment; filename=\"ipr-alerts-" + today() + ".csv\"",
        response.headers().firstValue("Content-Disposition").orElse(""));
    String[] lines = text(response).split("\r\n");
    assertEquals(2, lines.length, String.join("\n", lines));
    assertTrue(lines[0].startsWith("告警编号,状态,风险分,主办部门"), lines[0]);
    // The penalty test may have confirmed it already: the status is whatever it is now.
    assertTrue(lines[1].startsWith(BAGS + ","), lines[1]);
    // The seller's formula stays text, quoted because it holds quotes; so does the shop's comma.
    assertTrue(lines[1].contains(",\"'@崇川,轻奢\","), lines[1]);
    assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://x\"\") 驴牌 老花 手袋 高仿 专柜品质\","), lines[1]);

    var bad = download("/api/v1/exports/alerts.csv?status=LOST");
    assertEquals(400, bad.statusCode());
    JsonNode error = ApiClient.json(API.get("/api/v1/exports/alerts.csv?status=LOST"));
    assertEquals("bad_filter", error.get("error").asText());
    assertTrue(error.get("message").asText().startsWith("status must be one of"), error.toString());
  }

  @Test
  void shouldDownloadThePenaltyDecisionsRecordedOnAlerts() throws Exception {
    String actions = ApiClient.alertPath(BAGS) + "/actions";
    assertEquals(
        202, API.postJson(actions, "{\"action\":\"CONFIRM\",\"actor\":\"li.wei\"}").statusCode());
    API.awaitAlert(BAGS, a -> a.get("status").asText().equals("CONFIRMED"));
    var penalty =
        API.postJson(
            actions,
            "{\"action\":\"RECORD_PENALTY\",\"actor\":\"li.wei\","
                + "\"decisionNumber\":\"通市监处罚〔2026〕7号\",\"penaltyAmount\":30000}");
    assertEquals(202, penalty.statusCode(), penalty.body());
    API.awaitAlert(BAGS, a -> a.get("history").size() == 2);

    var response = download("/api/v1/exports/penalties.csv");

    assertEquals(200, response.statusCode());
    assertEquals(
        "attachment; filename=\"ipr-penalties-" + today() + ".csv\"",
        response.headers().firstValue("Content-Disposition").orElse(""));
    String[] lines = text(response).split("\r\n");
    assertEquals(2, lines.length, String.join("\n", lines));
    assertTrue(lines[0].startsWith("决定书文号,罚款金额(元),决定日期"), lines[0]);
    assertTrue(lines[1].startsWith("通市监处罚〔2026〕7号,30000," + today() + ",li.wei,,"), lines[1]);
    assertTrue(lines[1].contains(BAGS + ",市场监督管理局,MARKET_SUPERVISION,320602"), lines[1]);
  }

  @Test
  void shouldSummarizeTheSameAlertsTheListShows() throws Exception {
    var list = ApiClient.json(API.get("/api/v1/alerts?limit=1000"));
    var byBureau = new TreeMap<String, Integer>();
    int acted = 0;
    for (JsonNode a : list.get("alerts")) {
      byBureau.merge(a.get("bureau").get("id").asText(), 1, Integer::sum);
      acted += a.has("history") && a.get("history").size() > 0 ? 1 : 0;
    }

    var summary = ApiClient.json(API.get("/api/v1/reports/summary"));

    assertEquals(list.get("count").asInt(), summary.get("total").asInt());
    assertEquals(today().toString(), summary.get("to").asText());
    assertEquals(30, summary.get("daily").size());
    assertEquals(
        list.get("count").asInt(),
        summary.get("daily").get(29).get("total").asInt(),
        "everything was created today");
    var reported = new TreeMap<String, Integer>();
    summary
        .get("byBureau")
        .forEach(c -> reported.put(c.get("key").asText(), c.get("count").asInt()));
    assertEquals(byBureau, reported);
    assertEquals(acted, summary.get("firstAction").get("acted").asInt());
    assertEquals(
        list.get("count").asInt() - acted, summary.get("firstAction").get("notYet").asInt());

    var future = ApiClient.json(API.get("/api/v1/reports/summary?from=2099-01-01&to=2099-01-31"));
    assertEquals(0, future.get("total").asInt());
    var bad = API.get("/api/v1/reports/summary?from=yesterday");
    assertEquals(400, bad.statusCode());
    assertEquals(
        "from must be a date as YYYY-MM-DD, was 'yesterday'",
        ApiClient.json(bad).get("message").asText());
  }

  private static void post(String listing) throws Exception {
    var response = API.postJson("/api/v1/listings", listing);
    assertEquals(202, response.statusCode(), response.body());
  }

  private static HttpResponse<byte[]> download(String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(app.url() + path))
            .header("Authorization", "Bearer " + TestTokens.superuser())
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The body after its UTF-8 byte order mark, which must be there for Excel. */
  private static String text(HttpResponse<byte[]> response) {
    byte[] body = response.body();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 BOM");
    return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  /** JSON string quoting for the one hostile title. */
  private static final class Json {
    static String quote(String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
  }
}
