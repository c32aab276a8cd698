package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComplaintKeysTest {

  /** The key format stored complaints were written with: keys must not change on upgrade. */
  private static String stored(Instant at) {
    return String.format(Locale.ROOT, "%015d", Math.max(0, at.toEpochMilli()));
  }

  @Test
  void timePartIsTheZeroPaddedMillisecondsKeysWereWrittenWith() {
    var random = new SplittableRandom();
    for (long millis :
        new long[] {0, 1, 9, 10, 999_999_999_999_999L, 1_764_460_800_000L, -1, Long.MIN_VALUE}) {
      Instant at = Instant.ofEpochMilli(millis);
      assertEquals(stored(at), ComplaintKeys.time(at), "at " + millis);
    }
    for (int i = 0; i < 10_000; i++) {
      Instant at = Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L));
      assertEquals(stored(at), ComplaintKeys.time(at), "at " + at);
    }
  }

  @Test
  void timeBeyondFifteenDigitsIsWrittenWhole() {
    Instant at = Instant.ofEpochMilli(1_000_000_000_000_000L);
    assertEquals("1000000000000000", ComplaintKeys.time(at));
  }

  @Test
  void textOrderOfTimesIsTheirTimeOrder() {
    var random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong(0, 4_000_000_000_000L);
      long b = random.nextLong(0, 4_000_000_000_000L);
      int text =
          ComplaintKeys.time(Instant.ofEpochMilli(a))
              .compareTo(ComplaintKeys.time(Instant.ofEpochMilli(b)));
      assertTrue(Long.signum(a - b) == Integer.signum(text), a + " vs " + b);
    }
  }
}
