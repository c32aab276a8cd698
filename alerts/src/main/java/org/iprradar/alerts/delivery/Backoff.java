package org.iprradar.alerts.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the wait before retry {@code n} (1-based) is uniform in
 * {@code [0, min(cap, base * 2^(n-1))]}. Full jitter spreads the retries of many alerts after a
 * bureau's outage instead of sending them all again at the same moment.
 *
 * @param maxAttempts attempts in all, the first one included
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive, was " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The upper bound of the wait before retry {@code retry} (1 for the wait after attempt 1). */
  public Duration ceiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, was " + retry);
    }
    long capMillis = cap.toMillis();
    // Shifting past 62 bits overflows; the cap is reached long before.
    int shift = Math.min(retry - 1, 62);
    long exponential = base.toMillis() << shift;
    boolean overflowed = exponential >>> shift != base.toMillis();
    return Duration.ofMillis(overflowed ? capMillis : Math.min(capMillis, exponential));
  }

  /** A random wait before retry {@code retry}, within {@code [0, ceiling(retry)]}. */
  public Duration delay(int retry, RandomGenerator random) {
    return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
  }
}
