package org.iprradar.common.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** {@link TopologyTestDriver}s as the topology tests of every module start them. */
public final class TestDrivers {

  private TestDrivers() {}

  /**
   * A driver with a state folder of its own in the temporary folder: test runs side by side must
   * not share RocksDB locks, as they would in Kafka Streams' default folder.
   */
  public static TopologyTestDriver start(Topology topology, String applicationId) {
    try {
      return start(topology, applicationId, Files.createTempDirectory("ipr-test-streams-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A driver keeping its state in {@code stateDir}, for a test that restarts on the same state. */
  public static TopologyTestDriver start(Topology topology, String applicationId, Path stateDir) {
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new TopologyTestDriver(topology, props);
  }
}
