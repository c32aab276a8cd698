package org.iprradar.benchmarks.load;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept exactly and sorted once for the percentiles. A step of a few
 * minutes at a few thousand listings a second holds a few million values: small enough to keep
 * every one instead of bucketing them.
 */
final class Percentiles {

  private long[] values = new long[1 << 16];
  private int size;
  private boolean sorted;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
    sorted = false;
  }

  synchronized int count() {
    return size;
  }

  /** The value at quantile {@code q} (0..1) in milliseconds, or NaN when there is none. */
  synchronized double millis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
    return values[index] / 1e6;
  }
}
