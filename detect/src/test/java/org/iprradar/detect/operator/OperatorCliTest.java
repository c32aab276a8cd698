package org.iprradar.detect.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's own errors, which need no running system; {@code OperatorIT} runs it against
 * one.
 */
class OperatorCliTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
  private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anImportWithoutAnOperatorNameIsAUsageErrorAndSendsNothing(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), "rules: []\n");
    // Port 9 (discard) on the loopback: were a request sent, the error would be another.
    var cli = new OperatorCli(out, errStream, "http://127.0.0.1:9", null);

    assertEquals(2, cli.run(new String[] {"import", file.toString()}));
    assertTrue(err().contains("--by"), err());
  }

  @Test
  void anUnknownCommandOrAMissingArgumentPrintsTheUsage() {
    var cli = new OperatorCli(out, errStream, "http://127.0.0.1:9", "me");

    assertEquals(2, cli.run(new String[] {"export"}));
    assertEquals(2, cli.run(new String[] {"frobnicate"}));
    assertEquals(2, cli.run(new String[] {"--threshold"}));
    assertTrue(err().contains("unknown command frobnicate") && err().contains("usage:"), err());
  }

  @Test
  void aScoringCommandWithoutItsKeyOrFileIsAUsageErrorAndSendsNothing() {
    var cli = new OperatorCli(out, errStream, "http://127.0.0.1:9", "me");

    assertEquals(2, cli.run(new String[] {"scoring", "set"}));
    assertEquals(2, cli.run(new String[] {"scoring", "set", "food"}));
    assertEquals(2, cli.run(new String[] {"scoring", "preview", "food"}));
    assertEquals(2, cli.run(new String[] {"scoring", "reset", "food"}));
    assertEquals(2, cli.run(new String[] {"history", "scoring"}));
    assertTrue(err().contains("scoring set KEY SETTINGS.json"), err());
  }
}
