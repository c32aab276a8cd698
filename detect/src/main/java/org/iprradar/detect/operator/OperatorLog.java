package org.iprradar.detect.operator;

import java.util.List;
import org.iprradar.common.model.ConfigChange;

/**
 * Where operator changes go: the live {@code rules}, {@code brands} or {@code scoring-settings}
 * topic, and the history. An interface so that everything above it is tested without a broker.
 */
public interface OperatorLog {

  /**
   * Writes {@code value} (a rule, brand or scoring entry; null deletes with a tombstone) to its
   * live topic and the change to the history, and returns once both are acknowledged.
   *
   * @throws IllegalStateException when Kafka did not acknowledge them
   */
  void publish(ConfigChange change, Object value);

  /** The changes of one rule, brand or scoring entry, oldest first. */
  List<ConfigChange> history(String kind, String id);
}
