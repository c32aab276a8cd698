package org.iprradar.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 5);

  @Test
  void shouldDoubleTheCeilingUpToTheCap() {
    assertEquals(Duration.ofMillis(100), backoff.ceiling(1));
    assertEquals(Duration.ofMillis(200), backoff.ceiling(2));
    assertEquals(Duration.ofMillis(400), backoff.ceiling(3));
    assertEquals(Duration.ofMillis(800), backoff.ceiling(4));
    assertEquals(Duration.ofSeconds(1), backoff.ceiling(5));
    assertEquals(Duration.ofSeconds(1), backoff.ceiling(500), "no overflow past the cap");
  }

  @Test
  void shouldJitterOverTheFullRangeFromZeroToTheCeiling() {
    var random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2000; i++) {
      long millis = backoff.delay(3, random).toMillis();
      assertTrue(millis >= 0 && millis <= 400, "delay " + millis);
      min = Math.min(min, millis);
      max = Math.max(max, millis);
    }
    assertTrue(min < 40, "full jitter reaches near zero, min was " + min);
    assertTrue(max > 360, "full jitter reaches near the ceiling, max was " + max);
  }

  @Test
  void shouldReachBothEndsOfTheRange() {
    assertEquals(Duration.ZERO, backoff.delay(2, fixed(0)));
    assertEquals(Duration.ofMillis(200), backoff.delay(2, fixed(200)));
  }

  @Test
  void shouldRefuseNonsense() {
    assertThrows(
        IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> backoff.ceiling(0));
  }

  /** A generator whose bounded longs are always {@code value}, to pin the ends of the range. */
  private static RandomGenerator fixed(long value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return value;
      }

      @Override
      public long nextLong(long bound) {
        assertTrue(value < bound, "value " + value + " within bound " + bound);
        return value;
      }
    };
  }
}
