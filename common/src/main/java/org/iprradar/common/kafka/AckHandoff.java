package org.iprradar.common.kafka;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs what waits on a producer's acknowledgement (an HTTP answer, its JSON) on a thread of its
 * own. A send's callback runs on the producer's I/O thread, which sends nothing while the callback
 * works: an answer of a thousand per-record results written there held back every other send.
 */
public final class AckHandoff implements AutoCloseable {

  private final ExecutorService thread;

  /**
   * @param threadName the daemon thread's name, as thread dumps and profiles show it
   */
  public AckHandoff(String threadName) {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              var t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code work} on the hand-off thread, or here once the hand-off is closed. */
  public void run(Runnable work) {
    try {
      thread.execute(work);
    } catch (RejectedExecutionException closed) {
      // Closing: the producer's last callbacks still complete what waits on them.
      work.run();
    }
  }

  /** Close after the producer, whose last callbacks may still hand work over. */
  @Override
  public void close() {
    thread.shutdown();
  }
}
