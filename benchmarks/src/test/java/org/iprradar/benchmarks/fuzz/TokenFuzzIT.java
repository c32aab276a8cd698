package org.iprradar.benchmarks.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded token fuzz CI makes: a few hundred hostile bearer tokens against the embedded default
 * with security on (TokenFuzz's checks: no 5xx, JSON refusals, no forged token accepted). The seed
 * is printed; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.cases=N} makes it longer.
 */
class TokenFuzzIT {

  @Test
  void hostileTokensAreRefusedAndBreakNothing(@TempDir Path dir) throws Exception {
    List<String> failures =
        TokenFuzz.run(
            Map.of(
                "cases", System.getProperty("fuzz.cases", "400"),
                "seed", System.getProperty("fuzz.seed", String.valueOf(System.nanoTime())),
                "data-dir", dir.toString()));
    assertEquals(List.of(), failures);
  }
}
