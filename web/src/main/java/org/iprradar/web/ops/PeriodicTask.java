package org.iprradar.web.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run at a fixed delay on a daemon thread of its own, for as long as the bean that owns it
 * lives. Used instead of Micronaut's {@code @Scheduled}: the scheduler looks its bean up at every
 * run, and during a context's shutdown that lookup created the bean again, and with it the Streams
 * services it needs, whose state folders the closing ones still locked.
 */
public final class PeriodicTask implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final ScheduledExecutorService timer;

  private PeriodicTask(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static PeriodicTask start(
      String name, Duration initialDelay, Duration delay, Runnable task) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          // An exception would cancel every later run.
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warn("{} failed; it runs again in {}", name, delay, e);
          }
        },
        initialDelay.toMillis(),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
    return new PeriodicTask(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
