package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iprradar.ingest.http.ListingIngestor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analysts' web UI end to end in Debian's headless Chromium, against the whole system with a
 * real in-process broker and the demo listings: the inbox by risk, a bureau filter, an alert's
 * evidence and contributions, assign, confirm and a penalty decision, dismiss, a stale page's
 * refused action, markup in a title shown as text, and the dashboard's counts.
 *
 * <p>Without Chromium the test is skipped, unless {@code IPR_REQUIRE_BROWSER=true} (as CI sets it),
 * where a missing browser fails it.
 */
class AnalystUiIT {

  // Demo listings whose leads the test works on (standalone/src/main/resources/demo).
  private static final String KEYS = "xianyu:xy_demo_keys:PIRACY_COPYRIGHT";
  private static final String BAGS = "taobao:tb_demo_bags:COUNTERFEIT_TRADEMARK";
  private static final String SHOES = "pdd:pdd_demo_shoes:COUNTERFEIT_TRADEMARK";
  private static final String HTML = "taobao:tb_ui_html:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;
  @TempDir static Path profile;

  private static String missing;
  private static Standalone app;
  private static WebDriver browser;
  private static WebDriverWait wait;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    missing = HeadlessChromium.missing();
    if (missing != null) {
      return;
    }
    app = TestSystem.start(dataDir);
    DemoLoader.load(app.context().getBean(ListingIngestor.class));

    browser = HeadlessChromium.start(profile);
    wait = new WebDriverWait(browser, ApiClient.PIPELINE, Duration.ofMillis(250));
    // A supervisor sees every bureau's alerts, as the counts below compare with the API's.
    HeadlessChromium.signIn(browser, app.url(), "supervisor", "supervisor-demo");
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  @Test
  void shouldTriageAlertsThroughTheBrowserAndShowTheFiguresOnTheDashboard() throws Exception {
    Assumptions.assumeTrue(missing == null, () -> missing);
    try {
      triageAndCount();
    } catch (Exception | AssertionError e) {
      keepEvidence();
      throw e;
    }
  }

  @Test
  void aWrongPasswordIsShownAndAnAnalystSignedInSeesOnlyTheirBureausAlerts() throws Exception {
    Assumptions.assumeTrue(missing == null, () -> missing);
    try {
      API.awaitAlert(KEYS);
      API.awaitAlert(BAGS);
      browser.get(app.url() + "/");
      wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "/"));
      browser.findElement(By.id("signout")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "/signin"));
      assertFalse(browser.findElement(By.id("nav-inbox")).isDisplayed(), "no nav signed out");

      browser.findElement(By.id("signin-name")).sendKeys("analyst");
      browser.findElement(By.id("signin-password")).sendKeys("wrong-password");
      browser.findElement(By.id("signin-submit")).click();
      var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
      assertEquals("账号或密码错误", error.getText());

      browser.findElement(By.id("signin-password")).clear();
      browser.findElement(By.id("signin-password")).sendKeys("analyst-demo");
      browser.findElement(By.id("signin-submit")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "/"));
      int mine =
          ApiClient.json(API.get("/api/v1/alerts?bureau=MARKET_SUPERVISION&limit=1000"))
              .get("count")
              .asInt();
      wait.until(
          d -> d.findElement(By.id("inbox-count")).getDomAttribute("data-count").equals("" + mine));
      var ids = rows().stream().map(r -> r.getDomAttribute("data-id")).toList();
      assertTrue(ids.contains(BAGS), ids.toString());
      assertFalse(ids.contains(KEYS), "another bureau's alert: " + ids);
      assertTrue(
          browser.findElement(By.id("whoami")).getText().contains("ANALYST"),
          browser.findElement(By.id("whoami")).getText());
      assertFalse(browser.findElement(By.id("nav-operator")).isDisplayed(), "not an operator");
    } catch (Exception | AssertionError e) {
      keepEvidence();
      throw e;
    } finally {
      browser.findElement(By.id("signout")).click();
      HeadlessChromium.signIn(browser, app.url(), "supervisor", "supervisor-demo");
    }
  }

  @Test
  void shouldShowThePipelineOnTheOperatorPageWithTheFiguresOfTheMetrics() throws Exception {
    Assumptions.assumeTrue(missing == null, () -> missing);
    try {
      browser.get(app.url() + "/");
      // Once the inbox has rendered, or its late answer would replace the operator page.
      wait.until(ExpectedConditions.attributeToBe(By.id("view"), "data-ready", "/"));
      browser.findElement(By.id("nav-ops")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ops")));
      // The demo's listings have been read by detect; the page shows the meter's total.
      wait.until(
          d -> {
            double api;
            try {
              api = detectListingsRead();
            } catch (Exception e) {
              return false;
            }
            var shown = detectListingsShown();
            return api > 0 && shown != null && Double.parseDouble(shown) == api;
          });
      wait.until(d -> d.findElement(By.cssSelector("#ops-ready b")).getText().equals("就绪"));
      assertFalse(browser.findElements(By.cssSelector("#ops-rules tbody tr")).isEmpty());
      // Lag is measured every 15 seconds; the page polls every 5.
      wait.until(d -> !d.findElements(By.cssSelector("#ops-lag-table tbody tr")).isEmpty());
    } catch (Exception | AssertionError e) {
      keepEvidence();
      throw e;
    }
  }

  private static double detectListingsRead() throws Exception {
    for (var s : ApiClient.json(API.get("/api/v1/ops/summary")).get("recordsIn")) {
      if (s.get("tags").get("application").asText().equals("ipr-radar-detect")
          && s.get("tags").get("topic").asText().equals("listings")) {
        return s.get("value").asDouble();
      }
    }
    return 0;
  }

  /** The total the page shows for detect's listings, digits only, or null before it shows it. */
  private static String detectListingsShown() {
    for (var row : browser.findElements(By.cssSelector("#ops-records-in tbody tr"))) {
      var cells = row.findElements(By.tagName("td"));
      if (cells.size() >= 3
          && cells.get(0).getText().equals("ipr-radar-detect")
          && cells.get(1).getText().equals("listings")) {
        return cells.get(2).getText().replaceAll("[^0-9.]", "");
      }
    }
    return null;
  }

  /** The page as the browser last showed it, beside the test reports, to see why it failed. */
  private static void keepEvidence() {
    HeadlessChromium.keepEvidence(browser, "AnalystUiIT");
  }

  private void triageAndCount() throws Exception {
    // A seller who writes markup into a title: analysts must see the characters, never run them.
    var hostile =
        API.postJson(
            "/api/v1/listings",
            "{\"platform\":\"taobao\",\"listingId\":\"ui-html\",\"title\":\"<img src=x"
                + " onerror=\\\"document.title='pwned'\\\"> 驴牌 老花 手袋 高仿 专柜品质\",\"price\":399,"
                + "\"sellerId\":\"tb_ui_html\",\"sellerRegion\":\"320602\",\"category\":\"luxury_bags\"}");
    assertEquals(202, hostile.statusCode(), hostile.body());
    for (String id : List.of(KEYS, BAGS, SHOES, HTML)) {
      API.awaitAlert(id);
    }

    // The inbox, highest risk first, with the count the API gives.
    browser.get(app.url() + "/");
    wait.until(d -> rows().size() >= 3);
    var scores = rows().stream().map(r -> Double.parseDouble(r.getDomAttribute("data-score")));
    var listed = scores.toList();
    for (int i = 1; i < listed.size(); i++) {
      assertTrue(listed.get(i - 1) >= listed.get(i), "sorted by risk: " + listed);
    }
    int total = ApiClient.json(API.get("/api/v1/alerts?limit=1000")).get("count").asInt();
    var markup = row(HTML).findElement(By.cssSelector("a.open-alert")).getText();
    assertTrue(markup.startsWith("<img src=x onerror="), markup);
    assertTrue(browser.findElements(By.cssSelector("#inbox-rows img")).isEmpty(), "no markup run");
    assertTrue(browser.getTitle().startsWith("IPR Radar"), browser.getTitle());
    wait.until(
        d -> d.findElement(By.id("inbox-count")).getDomAttribute("data-count").equals("" + total));

    // Filter by bureau: only the copyright bureau's alerts remain.
    new Select(browser.findElement(By.id("filter-bureau"))).selectByValue("COPYRIGHT");
    int copyright =
        ApiClient.json(API.get("/api/v1/alerts?bureau=COPYRIGHT&limit=1000")).get("count").asInt();
    wait.until(ExpectedConditions.urlContains("bureau=COPYRIGHT"));
    wait.until(
        d ->
            rows().size() == copyright
                && rows().stream().allMatch(r -> cell(r, 3).equals("版权局"))
                && rows().stream().anyMatch(r -> KEYS.equals(r.getDomAttribute("data-id"))));

    // The alert page: highlighted evidence and contributions adding up to each listing's score.
    row(KEYS).findElement(By.cssSelector("a.open-alert")).click();
    wait.until(d -> d.findElements(By.cssSelector("#alert[data-status=OPEN]")).size() == 1);
    JsonNode keys = API.awaitAlert(KEYS);
    var listing = browser.findElement(By.cssSelector("section.listing"));
    var marks = listing.findElements(By.cssSelector(".listing-title mark.evidence"));
    assertFalse(marks.isEmpty(), "the title's evidence is highlighted");
    String title = keys.get("listings").get(0).get("title").asText();
    for (WebElement mark : marks) {
      assertTrue(title.contains(mark.getText()), mark.getText() + " is part of " + title);
    }
    double sum = 0;
    for (WebElement signal : listing.findElements(By.cssSelector("tr.signal"))) {
      sum += Double.parseDouble(signal.getDomAttribute("data-contribution"));
    }
    assertEquals(keys.get("listings").get(0).get("score").asDouble(), sum, 0.05);

    // Assign, then confirm: the status and the history follow.
    var assignee = browser.findElement(By.id("action-assignee"));
    assignee.clear();
    assignee.sendKeys("zhang.min");
    browser.findElement(By.id("action-ASSIGN")).click();
    wait.until(d -> statusIs("ASSIGNED") && history().size() == 1);
    assertTrue(history().get(0).getText().contains("zhang.min"), history().get(0).getText());
    browser.findElement(By.id("action-CONFIRM")).click();
    wait.until(d -> statusIs("CONFIRMED") && history().size() == 2);
    assertEquals("CONFIRM", history().get(1).getDomAttribute("data-action"));
    assertTrue(browser.findElements(By.id("action-DISMISS")).isEmpty(), "confirmed: no dismiss");

    // Record the penalty decision: it joins the history and the penalty download.
    browser.findElement(By.id("action-decisionNumber")).sendKeys("通版罚〔2026〕9号");
    browser.findElement(By.id("action-penaltyAmount")).sendKeys("20000");
    browser.findElement(By.id("action-RECORD_PENALTY")).click();
    wait.until(d -> history().size() == 3);
    assertTrue(history().get(2).getText().contains("通版罚〔2026〕9号"), history().get(2).getText());
    String penalties = browser.findElement(By.id("nav-penalties")).getDomAttribute("href");
    var csv = API.get(penalties);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().contains("通版罚〔2026〕9号,20000,"), csv.body());

    // Dismiss another alert with a reason.
    openAlert(BAGS, "OPEN");
    browser.findElement(By.id("action-reason")).sendKeys("正品授权经销商");
    browser.findElement(By.id("action-DISMISS")).click();
    wait.until(d -> statusIs("DISMISSED") && history().size() == 1);
    assertTrue(history().get(0).getText().contains("正品授权经销商"), history().get(0).getText());

    // A page left open while a colleague confirmed the alert: the refused action says why.
    openAlert(SHOES, "OPEN");
    var confirm =
        API.postJson(
            ApiClient.alertPath(SHOES) + "/actions",
            "{\"action\":\"CONFIRM\",\"actor\":\"wang.fang\"}");
    assertEquals(202, confirm.statusCode(), confirm.body());
    API.awaitAlert(SHOES, a -> a.get("status").asText().equals("CONFIRMED"));
    browser.findElement(By.id("action-reason")).sendKeys("重复线索");
    browser.findElement(By.id("action-DISMISS")).click();
    var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
    assertTrue(error.getText().contains("已确认"), error.getText());
    assertTrue(error.getText().contains("结案"), "names the allowed actions: " + error.getText());

    // The dashboard counts what the store holds, including the three actions above.
    var expected = countsFromApi();
    browser.findElement(By.id("nav-dashboard")).click();
    wait.until(
        d -> {
          var shown = chartCounts("byStatus");
          if (shown.equals(expected.get("status"))) {
            return true;
          }
          d.navigate().refresh(); // the store may still be folding the last action
          return false;
        });
    assertEquals(2L, chartCounts("byStatus").get("CONFIRMED"));
    assertEquals(1L, chartCounts("byStatus").get("DISMISSED"));
    assertEquals(expected.get("bureau"), chartCounts("byBureau"));
    assertEquals(
        "" + total, browser.findElement(By.cssSelector("#figure-total b")).getText().strip());
    assertEquals("3", browser.findElement(By.cssSelector("#figure-acted b")).getText().strip());
    int days = browser.findElements(By.cssSelector("svg[data-chart=daily] g.day")).size();
    assertEquals(30, days, "one bar per day of the default range");
  }

  private static List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#inbox-rows tr.alert-row"));
  }

  private static WebElement row(String id) {
    return browser.findElement(By.cssSelector("#inbox-rows tr.alert-row[data-id='" + id + "']"));
  }

  private static String cell(WebElement row, int index) {
    return row.findElements(By.tagName("td")).get(index).getText().strip();
  }

  private static List<WebElement> history() {
    return browser.findElements(By.cssSelector("#history tr.history-entry"));
  }

  private static boolean statusIs(String status) {
    return !browser.findElements(By.cssSelector("#alert[data-status=" + status + "]")).isEmpty();
  }

  private static void openAlert(String id, String status) {
    browser.get(app.url() + "/#/alert/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    wait.until(d -> statusIs(status));
  }

  /** Bar values of one dashboard chart, by key. */
  private static Map<String, Long> chartCounts(String chart) {
    var counts = new TreeMap<String, Long>();
    for (WebElement bar :
        browser.findElements(By.cssSelector("svg[data-chart=" + chart + "] rect[data-key]"))) {
      long n = Long.parseLong(bar.getDomAttribute("data-count"));
      if (n > 0) {
        counts.put(bar.getDomAttribute("data-key"), n);
      }
    }
    return counts;
  }

  /** The alerts' counts by status and bureau as the list API gives them. */
  private static Map<String, Map<String, Long>> countsFromApi()
      throws IOException, InterruptedException {
    var byStatus = new TreeMap<String, Long>();
    var byBureau = new TreeMap<String, Long>();
    var alerts = new ArrayList<JsonNode>();
    ApiClient.json(API.get("/api/v1/alerts?limit=1000")).get("alerts").forEach(alerts::add);
    for (JsonNode a : alerts) {
      byStatus.merge(a.get("status").asText(), 1L, Long::sum);
      byBureau.merge(a.get("bureau").get("id").asText(), 1L, Long::sum);
    }
    return Map.of("status", byStatus, "bureau", byBureau);
  }
}
