package org.iprradar.common.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Whether a Streams application can answer for its state: RUNNING and no store still restoring.
 * Kafka Streams may report RUNNING while its state updater restores stores in the background, so
 * the state alone would call an application ready whose alert store is still half-empty.
 *
 * <p>Listens to the application's state and restore callbacks; {@link StreamsApp} installs it.
 */
public final class StreamsReadiness implements KafkaStreams.StateListener, StateRestoreListener {

  private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
  private final Map<String, Long> restoring = new ConcurrentHashMap<>();

  /** True when the application is RUNNING and no store of it is being restored. */
  public boolean ready() {
    return state == KafkaStreams.State.RUNNING && restoring.isEmpty();
  }

  public KafkaStreams.State state() {
    return state;
  }

  /** Records still to restore, per {@code store topic-partition}; empty when none is restoring. */
  public Map<String, Long> restoring() {
    return Map.copyOf(restoring);
  }

  @Override
  public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
    state = newState;
    if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
      restoring.clear();
    }
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String store, long startingOffset, long endingOffset) {
    restoring.put(key(store, partition), Math.max(0, endingOffset - startingOffset));
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String store, long batchEndOffset, long numRestored) {
    restoring.computeIfPresent(key(store, partition), (k, left) -> Math.max(0, left - numRestored));
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    restoring.remove(key(store, partition));
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    // The task moved to another instance: this one no longer restores it.
    restoring.remove(key(store, partition));
  }

  private static String key(String store, TopicPartition partition) {
    return store + " " + partition;
  }
}
