package org.iprradar.benchmarks.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded fuzz run CI makes: a few hundred bad requests and ten bad records per input topic
 * against the embedded default, with FuzzRun's checks (no 5xx, JSON errors, a result per record, no
 * dead stream thread, every bad topic record dead-lettered). The seed is printed; {@code
 * -Dfuzz.seed=N} replays a run, {@code -Dfuzz.cases=N} makes it longer.
 */
class FuzzIT {

  @Test
  void badInputIsAnsweredOrDeadLetteredAndBreaksNothing(@TempDir Path dir) throws Exception {
    List<String> failures =
        FuzzRun.run(
            Map.of(
                "cases", System.getProperty("fuzz.cases", "300"),
                "records", "10",
                "seed", System.getProperty("fuzz.seed", String.valueOf(System.nanoTime())),
                "data-dir", dir.toString()));
    assertEquals(List.of(), failures);
  }
}
