package org.iprradar.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

/** Readiness follows the callbacks Kafka Streams makes while it starts, restores and rebalances. */
class StreamsReadinessTest {

  private static final TopicPartition CHANGELOG =
      new TopicPartition("ipr-radar-alerts-alerts-changelog", 0);

  @Test
  void notReadyUntilRunningWithEveryStoreRestored() {
    var readiness = new StreamsReadiness();
    assertFalse(readiness.ready(), "created");

    readiness.onChange(State.REBALANCING, State.CREATED);
    readiness.onRestoreStart(CHANGELOG, "alerts", 0, 500);
    // The state updater restores in the background: RUNNING comes before the store is whole.
    readiness.onChange(State.RUNNING, State.REBALANCING);
    assertFalse(readiness.ready(), "running but restoring");
    assertEquals(Map.of("alerts " + CHANGELOG, 500L), readiness.restoring());

    readiness.onBatchRestored(CHANGELOG, "alerts", 300, 300);
    assertEquals(Map.of("alerts " + CHANGELOG, 200L), readiness.restoring());
    assertFalse(readiness.ready(), "half restored");

    readiness.onRestoreEnd(CHANGELOG, "alerts", 500);
    assertTrue(readiness.ready(), "restored and running");
  }

  @Test
  void aRebalanceMakesItNotReadyUntilRunningAgain() {
    var readiness = new StreamsReadiness();
    readiness.onChange(State.RUNNING, State.REBALANCING);
    assertTrue(readiness.ready());

    readiness.onChange(State.REBALANCING, State.RUNNING);
    assertFalse(readiness.ready());
    readiness.onChange(State.RUNNING, State.REBALANCING);
    assertTrue(readiness.ready());
  }

  @Test
  void aRestoreMovedToAnotherInstanceNoLongerHoldsReadinessBack() {
    var readiness = new StreamsReadiness();
    readiness.onChange(State.RUNNING, State.REBALANCING);
    readiness.onRestoreStart(CHANGELOG, "alerts", 0, 10);
    assertFalse(readiness.ready());

    readiness.onRestoreSuspended(CHANGELOG, "alerts", 4);
    assertTrue(readiness.ready());
  }
}
