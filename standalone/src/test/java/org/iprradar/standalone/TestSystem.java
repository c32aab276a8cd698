package org.iprradar.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system as most integration tests start it: an in-process broker, a random HTTP port
 * (several ITs may run on one machine) and two partitions (enough to catch work that stays on one
 * partition, few enough to start fast).
 */
final class TestSystem {

  private TestSystem() {}

  /** The settings for a system keeping its state in {@code dataDir}; a test adds its own. */
  static Map<String, Object> settings(Path dataDir) {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("ipr.data-dir", dataDir.toString());
    props.put("ipr.kafka.partitions", 2);
    return props;
  }

  /** Starts a system with {@link #settings} only. */
  static Standalone start(Path dataDir) {
    return Standalone.start(settings(dataDir));
  }
}
