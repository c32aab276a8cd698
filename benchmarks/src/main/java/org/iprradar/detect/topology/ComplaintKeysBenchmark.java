package org.iprradar.detect.topology;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time part of a complaint-store key, made four times per listing assessed (two ranges of two
 * bounds): {@code format} as it was, with {@code String.format}, {@code padded} as {@link
 * ComplaintKeys#time} makes it now. In this package because {@code ComplaintKeys} is
 * package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ComplaintKeysBenchmark {

  private long millis = 1_764_460_800_000L;

  private Instant next() {
    millis += 7_919;
    return Instant.ofEpochMilli(millis);
  }

  @Benchmark
  public String format() {
    return String.format(Locale.ROOT, "%015d", Math.max(0, next().toEpochMilli()));
  }

  @Benchmark
  public String padded() {
    return ComplaintKeys.time(next());
  }
}
