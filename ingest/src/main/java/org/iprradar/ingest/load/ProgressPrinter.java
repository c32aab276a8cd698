package org.iprradar.ingest.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Prints a load's progress at most once a second, so a fast load does not flood the terminal. */
final class ProgressPrinter implements Consumer<LoadProgress> {

  private final PrintStream out;
  private long lastPrinted;

  ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(LoadProgress progress) {
    long now = System.nanoTime();
    if (now - lastPrinted >= 1_000_000_000L) {
      lastPrinted = now;
      out.println(progress.describe());
    }
  }

  void finish(Path file, LoadProgress progress) {
    out.println(file + ": " + progress.describe().replaceAll(", \\d+:\\d+ left$", ""));
    if (progress.rejected() > 0) {
      out.println("rejected records and their reasons: " + FileLoader.rejectedPathFor(file));
    }
  }
}
