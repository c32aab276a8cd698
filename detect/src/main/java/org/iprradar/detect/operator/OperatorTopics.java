package org.iprradar.detect.operator;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.Topic;

/** The topic the operator tooling owns; created by detect at start alongside the catalogue. */
public final class OperatorTopics {

  /**
   * Every operator change of a rule, brand or scoring settings, keyed {@code rule:<id>}, {@code
   * brand:<id>} or {@code scoring:<default or category>}. Append-only and kept forever: it is the
   * record of who changed what, which a compacted topic would lose.
   */
  public static final Topic<String, ConfigChange> RULE_CHANGES =
      new Topic<>(
          "rule-changes",
          Serdes.String(),
          new JsonSerde<>(ConfigChange.class),
          Map.of("retention.ms", "-1"));

  private OperatorTopics() {}
}
