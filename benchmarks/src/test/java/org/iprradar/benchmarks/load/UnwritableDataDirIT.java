package org.iprradar.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A data folder the application cannot write (here: below a regular file, which stops root too,
 * unlike permissions) makes each runnable jar exit non-zero at start with a message naming the
 * folder and what is wrong, instead of running without its state.
 */
class UnwritableDataDirIT {

  @ParameterizedTest
  @CsvSource({
    // The embedded default fails on the broker's folder before anything else starts.
    "standalone, false, cannot create the Kafka data folder",
    "detect, true, couldn't be created",
    "alerts, true, couldn't be created"
  })
  void exitsWithAClearMessage(String app, boolean externalKafka, String reason, @TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path dataDir = file.resolve("data");
    Path log = dir.resolve(app + ".log");
    var command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                Path.of("..", app, "target", "ipr-radar-" + app + ".jar")
                    .toAbsolutePath()
                    .toString(),
                "--ipr.data-dir=" + dataDir,
                "--micronaut.server.port=-1"));
    if (externalKafka) {
      // Nothing listens there; the folder is checked before any connection is made.
      command.add("--kafka.bootstrap-servers=localhost:1");
    }
    var process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean exited = process.waitFor(3, TimeUnit.MINUTES);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertTrue(exited, app + " kept running with an unwritable data folder:\n" + tail(output));
    assertNotEquals(0, process.exitValue(), app + " exited 0:\n" + tail(output));
    assertTrue(
        output.contains(dataDir.toString()) && output.contains(reason),
        app + " did not name the folder and the reason (" + reason + "):\n" + tail(output));
  }

  private static String tail(String output) {
    return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
  }
}
