package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * refused and then saved. Skipped without Chromium, unless {@code IPR_REQUIRE_BROWSER=true}, like
 * {@link AnalystUiIT}.
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
