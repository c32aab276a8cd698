package org.iprradar.alerts.delivery;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records, so that no test really sleeps. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
