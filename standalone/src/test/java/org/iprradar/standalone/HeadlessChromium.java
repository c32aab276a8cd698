package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser ITs ({@link AnalystUiIT}, {@link OperatorUiIT}), so
 * both skip, start and keep failure evidence the same way.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /**
   * Why the browser tests cannot run here, or null when Chromium and chromedriver are installed.
   * Fails instead when {@code IPR_REQUIRE_BROWSER=true} (as CI sets it), so that a missing browser
   * is not a silent skip there. The caller skips in the test itself, so that the report counts it
   * as skipped, with the reason.
   */
  static String missing() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return null;
    }
    String message =
        "Chromium and chromedriver are needed at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)";
    if ("true".equalsIgnoreCase(System.getenv("IPR_REQUIRE_BROWSER"))) {
      fail(message + "; IPR_REQUIRE_BROWSER=true requires the browser test to run");
    }
    return "Skipping the browser test: " + message;
  }

  /** Starts a headless browser with its own profile directory. */
  static WebDriver start(Path profile) {
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The machine is offline: nothing may try to reach the network on its own.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    var service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()));
    return new ChromeDriver(service.build(), options);
  }

  /**
   * Signs in on the UI's sign-in page as this account and waits until the first page has rendered.
   * The token stays in the tab's sessionStorage, so later page loads of the test are signed in.
   */
  static void signIn(WebDriver browser, String baseUrl, String name, String password) {
    browser.get(baseUrl + "/#/signin");
    var wait = new WebDriverWait(browser, ApiClient.PIPELINE, Duration.ofMillis(250));
    wait.until(d -> !d.findElements(By.id("signin-name")).isEmpty());
    browser.findElement(By.id("signin-name")).sendKeys(name);
    browser.findElement(By.id("signin-password")).sendKeys(password);
    browser.findElement(By.id("signin-submit")).click();
    wait.until(
        d -> {
          String ready = d.findElement(By.id("view")).getDomAttribute("data-ready");
          return ready != null && !ready.equals("/signin");
        });
  }

  /**
   * Keeps a screenshot and the page source of a failed browser test next to the failsafe reports,
   * as {@code <name>-failure.png} and {@code .html}.
   */
  static void keepEvidence(WebDriver browser, String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "failsafe-reports"));
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + "-failure.png"), png);
      Files.writeString(dir.resolve(name + "-failure.html"), browser.getPageSource());
    } catch (IOException | RuntimeException e) {
      // The test's own failure is what matters; the evidence is a bonus.
    }
  }
}
