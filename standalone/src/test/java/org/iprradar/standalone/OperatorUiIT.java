package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator pages in headless Chromium: the rules list with performance, a draft refused with
 * its problems, a dry run with highlighted evidence, the saved rule and its history, a brand
 * refused and then saved; a threshold refused at its field, previewed and saved; a routing change
 * refused at its path and previewed. Skipped without Chromium, unless {@code
 * IPR_REQUIRE_BROWSER=true}, like {@link AnalystUiIT}.
 */
class OperatorUiIT {

  private static final String RULE_ID = "ui-old-flower";

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
    browser = HeadlessChromium.start(profile);
    wait = new WebDriverWait(browser, ApiClient.PIPELINE, Duration.ofMillis(250));
    HeadlessChromium.signIn(browser, app.url(), "operator", "operator-demo");
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
  void operatorsDraftDryRunSaveAndReadTheHistoryOfARule() throws Exception {
    Assumptions.assumeTrue(missing == null, () -> missing);
    try {
      draftDryRunAndSave();
    } catch (Exception | AssertionError e) {
      HeadlessChromium.keepEvidence(browser, "OperatorUiIT");
      throw e;
    }
  }

  private void draftDryRunAndSave() throws Exception {
    assertEquals(202, API.postBagListing("ui-op-1", "ui-op-seller").statusCode());
    API.awaitAlert("taobao:ui-op-seller:COUNTERFEIT_TRADEMARK");

    browser.get(app.url() + "/#/operator");
    wait.until(d -> d.findElements(By.cssSelector("#rules tbody tr")).size() >= 5);

    browser.get(app.url() + "/#/operator/rule/new");
    wait.until(d -> !d.findElements(By.id("rule-form")).isEmpty());
    type("id", RULE_ID);
    type("query", "(老花");
    type("weight", "150");
    browser.findElement(By.id("save")).click();
    wait.until(d -> d.findElements(By.cssSelector("#problems li")).size() == 2);
    var fields =
        browser.findElements(By.cssSelector("#problems li")).stream()
            .map(li -> li.getDomAttribute("data-field"))
            .sorted()
            .toList();
    assertEquals(List.of("query", "weight"), fields);

    type("query", "\"老花\"");
    type("weight", "90");
    browser.findElement(By.id("dry-run")).click();
    wait.until(d -> !d.findElements(By.id("dry-run-result")).isEmpty());
    var marks = browser.findElements(By.cssSelector("#dry-run-result mark.evidence"));
    assertTrue(marks.stream().anyMatch(m -> m.getText().equals("老花")), "evidence highlighted");
    assertEquals(404, API.get("/api/v1/operator/rules/" + RULE_ID).statusCode(), "dry run saved");

    browser.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#outcome .notice")).isEmpty());
    browser.get(app.url() + "/#/operator/history/rule/" + RULE_ID);
    wait.until(d -> !d.findElements(By.cssSelector("#history tbody tr")).isEmpty());
    String row = browser.findElement(By.cssSelector("#history tbody tr")).getText();
    // Changes are recorded under the signed-in account, not a name typed into the page.
    assertTrue(row.contains("operator") && row.contains("CREATE"), row);

    // A brand whose price band is upside down is refused by field; put right, it is saved.
    browser.get(app.url() + "/#/operator/brand/new");
    wait.until(d -> !d.findElements(By.id("brand-form")).isEmpty());
    typeIn("brand-form", "brandId", "ui-snowpeakia");
    typeIn("brand-form", "names", "雪峰奇, Snowpeakia");
    typeIn("brand-form", "referencePriceMin", "900");
    typeIn("brand-form", "referencePriceMax", "100");
    browser.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#problems li")).isEmpty());
    assertEquals(
        "referencePriceMin",
        browser.findElement(By.cssSelector("#problems li")).getDomAttribute("data-field"));
    typeIn("brand-form", "referencePriceMax", "1900");
    browser.findElement(By.id("save")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#outcome .notice")).isEmpty());
    wait.until(d -> apiStatus("/api/v1/operator/brands/ui-snowpeakia") == 200);
  }

  @Test
  void operatorsPreviewAndSaveAThresholdAndPreviewARoutingChange() throws Exception {
    Assumptions.assumeTrue(missing == null, () -> missing);
    try {
      thresholdPreviewAndSave();
      routingPreview();
    } catch (Exception | AssertionError e) {
      HeadlessChromium.keepEvidence(browser, "OperatorUiIT-scoring");
      throw e;
    }
  }

  private void thresholdPreviewAndSave() throws Exception {
    String alertId = "taobao:ui-sc-seller:COUNTERFEIT_TRADEMARK";
    assertEquals(202, API.postBagListing("ui-sc-1", "ui-sc-seller").statusCode());
    API.awaitAlert(alertId);

    browser.get(app.url() + "/#/operator/scoring/luxury_bags");
    wait.until(d -> !d.findElements(By.id("scoring-form")).isEmpty());

    // Out of range: refused, the problem shown at its input.
    typeIn("scoring-form", "leadThreshold", "150");
    browser.findElement(By.id("scoring-save")).click();
    wait.until(
        d ->
            !d.findElements(
                    By.cssSelector("#scoring-form .field-error[data-field='leadThreshold']"))
                .isEmpty());

    // With no points for the brand and the price, the bag is no lead at 100: the preview says so.
    typeIn("scoring-form", "leadThreshold", "100");
    typeIn("scoring-form", "brandMentionWeight", "0");
    typeIn("scoring-form", "priceBelowBandWeight", "0");
    browser.findElement(By.id("scoring-preview")).click();
    wait.until(d -> !d.findElements(By.id("scoring-preview-result")).isEmpty());
    var gone =
        browser.findElements(By.cssSelector("#scoring-preview-result .gone-lead")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(gone.contains(alertId), gone::toString);
    assertTrue(
        ApiClient.json(API.get("/api/v1/operator/scoring"))
            .path("categories")
            .findValues("entry")
            .stream()
            .allMatch(entry -> entry.isNull()),
        "a preview saves nothing");

    // Saved with a value that changes nothing, so that the other test's leads stay leads.
    typeIn("scoring-form", "leadThreshold", "60");
    browser.findElement(By.cssSelector("#scoring-form [name='brandMentionWeight']")).clear();
    browser.findElement(By.cssSelector("#scoring-form [name='priceBelowBandWeight']")).clear();
    browser.findElement(By.id("scoring-save")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#outcome .notice")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#scoring-history tbody tr")).isEmpty());
    String row = browser.findElement(By.cssSelector("#scoring-history tbody tr")).getText();
    assertTrue(row.contains("operator") && row.contains("CREATE"), row);
  }

  private void routingPreview() throws Exception {
    String alertId = "taobao:ui-sc-seller:COUNTERFEIT_TRADEMARK";
    String bureau = API.awaitAlert(alertId).path("bureau").path("id").asText();
    int version = ApiClient.json(API.get("/api/v1/routing")).path("version").asInt();
    browser.get(app.url() + "/#/operator/routing");
    wait.until(d -> !d.findElements(By.id("routing-table")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("#bureaus tbody tr")).size() > 1);
    var table =
        (ObjectNode)
            Json.mapper()
                .readTree(browser.findElement(By.id("routing-table")).getDomProperty("value"));
    String other = null;
    for (JsonNode b : table.path("bureaus")) {
      if (!b.path("id").asText().equals(bureau)) {
        other = b.path("id").asText();
        break;
      }
    }
    // Every counterfeit goes to another bureau; first to one the directory does not know.
    var routes = (ArrayNode) table.path("routes");
    var unrouted = new ArrayNode(Json.mapper().getNodeFactory());
    for (JsonNode route : routes) {
      if (!route.path("type").asText().equals("COUNTERFEIT_TRADEMARK")) {
        unrouted.add(route);
      }
    }
    unrouted.add(
        Json.mapper()
            .createObjectNode()
            .put("type", "COUNTERFEIT_TRADEMARK")
            .put("bureau", "FISHERIES"));
    table.set("routes", unrouted);
    setRoutingTable(table.toString());
    browser.findElement(By.id("routing-preview")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#problems li[data-path]")).isEmpty());

    ((ObjectNode) unrouted.get(unrouted.size() - 1)).put("bureau", other);
    setRoutingTable(table.toString());
    browser.findElement(By.id("routing-preview")).click();
    wait.until(d -> !d.findElements(By.id("routing-preview-result")).isEmpty());
    String moved = browser.findElement(By.id("routing-preview-alerts")).getText();
    assertTrue(moved.contains(alertId), moved);
    assertEquals(
        version,
        ApiClient.json(API.get("/api/v1/routing")).path("version").asInt(),
        "a preview saves nothing");
  }

  private static void setRoutingTable(String json) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('routing-table').value = arguments[0];", json);
  }

  private static int apiStatus(String path) {
    try {
      return API.get(path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void typeIn(String form, String name, String text) {
    WebElement input = browser.findElement(By.cssSelector("#" + form + " [name='" + name + "']"));
    input.clear();
    input.sendKeys(text);
  }

  private static void type(String name, String text) {
    WebElement input = browser.findElement(By.cssSelector("#rule-form [name='" + name + "']"));
    input.clear();
    input.sendKeys(text);
  }
}
