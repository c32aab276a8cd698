package org.iprradar.ingest.load;

import java.time.Duration;

/**
 * Where a load stands.
 *
 * @param records records of the file handled so far, including those of an earlier run
 * @param bytesRead bytes of the file read so far
 */
public record LoadProgress(
    long records,
    long accepted,
    long duplicates,
    long rejected,
    long bytesRead,
    long fileSize,
    Duration elapsed,
    long recordsThisRun) {

  /** Records per second in this run. */
  public double rate() {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    return recordsThisRun / seconds;
  }

  /** Time left at this run's pace, from the share of the file still to read. */
  public Duration timeLeft() {
    if (bytesRead <= 0 || bytesRead >= fileSize) {
      return Duration.ZERO;
    }
    double perByte = (double) elapsed.toMillis() / bytesRead;
    return Duration.ofMillis((long) (perByte * (fileSize - bytesRead)));
  }

  /** One line for a terminal. */
  public String describe() {
    long left = timeLeft().toSeconds();
    return String.format(
        java.util.Locale.ROOT,
        "%,d records (%,d accepted, %,d duplicate, %,d rejected), %,.0f/s, %d%% of the file,"
            + " %d:%02d left",
        records,
        accepted,
        duplicates,
        rejected,
        rate(),
        fileSize == 0 ? 100 : bytesRead * 100 / fileSize,
        left / 60,
        left % 60);
  }
}
