package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertQueriesTest {

  @Test
  void shouldSayTheStoreIsUnavailableBeforeStreamsRuns(@TempDir Path state) throws IOException {
    var props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "queries-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    var topology =
        AlertsTopology.build(
            new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml"))));
    try (var streams = new KafkaStreams(topology, props)) {
      var queries = new AlertQueries(() -> streams);

      var byId = assertThrows(StoreUnavailableException.class, () -> queries.find("any"));
      assertTrue(byId.getMessage().startsWith("the alert store is not ready"), byId.getMessage());
      assertThrows(StoreUnavailableException.class, () -> queries.list(AlertFilter.ALL, 10));
    }
  }
}
