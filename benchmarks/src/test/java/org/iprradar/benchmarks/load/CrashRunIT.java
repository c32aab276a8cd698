package org.iprradar.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.iprradar.detect.TaobaoTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded version of the hard-kill run: detect and alerts in JVMs of their own, killed with
 * SIGKILL at random moments while 3,000 listings arrive and restarted on their state folders, and
 * afterwards every listing has exactly one assessment and every lead exactly one alert version
 * (CrashRun's checks, which throw on any difference). The full run is {@code CrashRun} with its
 * defaults (100,000 listings, six kills); see docs/BENCHMARKS.md. Needs the runnable jars of detect
 * and alerts, which {@code ./mvnw verify -pl benchmarks -am} builds first. The seed is printed;
 * {@code -Dcrash.seed=N} replays the kill moments of a run.
 */
class CrashRunIT {

  @Test
  void everyListingAssessedAndEveryLeadAlertedOnceAcrossHardKills(@TempDir Path dir)
      throws Exception {
    var report =
        CrashRun.run(
            Map.of(
                "listings", "3000",
                "rate", "1000",
                "kills", "2",
                "rules", "10000",
                "seed", System.getProperty("crash.seed", String.valueOf(System.nanoTime())),
                "data-dir", dir.toString(),
                "detect-jar", "../detect/target/ipr-radar-detect.jar",
                "alerts-jar", "../alerts/target/ipr-radar-alerts.jar",
                "titles", TaobaoTitle.FROM_MODULE.toString(),
                "timeout", "8"));
    assertEquals(3000, report.listings());
    assertTrue(report.leads() > 0, "some listings should be leads");
    assertEquals(4, report.detectStarts() + report.alertsStarts(), "two starts and two restarts");
  }
}
