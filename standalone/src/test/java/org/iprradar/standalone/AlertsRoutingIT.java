package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.store.AlertsTopology;
import org.iprradar.common.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two alerts instances share the alert store's partitions, as in the compose stack; either answers
 * for every alert. Each instance here is a whole standalone application (ingest, detect and alerts)
 * against one in-process broker, with its own state folder, port and advertised address.
 */
class AlertsRoutingIT {

  private static final int PARTITIONS = 4;
  private static final String TYPE = ":COUNTERFEIT_TRADEMARK";

  @Test
  void shouldAnswerForAlertsHeldByTheOtherInstance(
      @TempDir Path clusterDir, @TempDir Path dirA, @TempDir Path dirB) throws Exception {
    try (var cluster = EmbeddedKafkaBroker.start(clusterDir, 0, PARTITIONS);
        var a = instance(cluster, dirA);
        var b = instance(cluster, dirB)) {
      KafkaStreams streamsA = streams(a);
      int portB = port(b);
      // Both instances in the group and holding partitions: the store is split between them.
      await()
          .atMost(ApiClient.PIPELINE)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  streams(a).state() == KafkaStreams.State.RUNNING
                      && streams(b).state() == KafkaStreams.State.RUNNING
                      && streamsA.streamsMetadataForStore(AlertsTopology.STORE).size() == 2);

      // Three sellers whose alerts the other instance (B) holds, three that A holds.
      var onA = new ArrayList<String>();
      var onB = new ArrayList<String>();
      for (int i = 0; onA.size() < 3 || onB.size() < 3; i++) {
        String seller = "tb_route_" + i;
        var holder =
            streamsA
                .queryMetadataForKey(
                    AlertsTopology.STORE, alertId(seller), Serdes.String().serializer())
                .activeHost();
        var side = holder.port() == portB ? onB : onA;
        if (side.size() < 3) {
          side.add(seller);
        }
      }
      var apiA = new ApiClient(a::url);
      var apiB = new ApiClient(b::url);
      var sellers = new ArrayList<String>(onA);
      sellers.addAll(onB);
      for (int i = 0; i < sellers.size(); i++) {
        var accepted = apiA.postBagListing("route-" + i, sellers.get(i));
        assertEquals(202, accepted.statusCode(), accepted.body());
      }

      for (String seller : onB) {
        var alert = apiA.awaitAlert(alertId(seller));
        assertEquals(alertId(seller), alert.get("id").asText());
        assertNull(localAlert(a, alertId(seller)), "A answered from B, not from a copy of its own");
      }
      for (String seller : onA) {
        assertEquals(alertId(seller), apiB.awaitAlert(alertId(seller)).get("id").asText());
        assertNull(localAlert(b, alertId(seller)), "B answered from A");
      }

      var expected = new HashSet<String>();
      sellers.forEach(s -> expected.add(alertId(s)));
      for (var api : List.of(apiA, apiB)) {
        var all = list(api, "limit=1000");
        assertEquals(expected, Set.copyOf(ids(all)), "the list holds the alerts of both instances");
        assertEquals(sellers.size(), all.get("count").asInt());
        // Pages over the merged list: the third and fourth in the same order as the whole list.
        var whole = ids(list(api, "sort=created&limit=1000"));
        assertEquals(whole.subList(2, 4), ids(list(api, "sort=created&offset=2&limit=2")));
      }
      assertEquals(
          200, apiA.get("/api/v1/reports/summary").statusCode(), "reports read both instances");
    }
  }

  @Test
  void shouldAnswerUnavailableNamingAnInstanceThatDoesNotAnswer(
      @TempDir Path clusterDir, @TempDir Path dirA, @TempDir Path dirC) throws Exception {
    // C advertises an address that takes connections and never answers: a hung instance.
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var cluster = EmbeddedKafkaBroker.start(clusterDir, 0, PARTITIONS);
        var a = instance(cluster, dirA);
        var c = instance(cluster, dirC, freePort(), silent.getLocalPort())) {
      String hung = "localhost:" + silent.getLocalPort();
      await()
          .atMost(ApiClient.PIPELINE)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  streams(a).state() == KafkaStreams.State.RUNNING
                      && streams(c).state() == KafkaStreams.State.RUNNING
                      && streams(a).streamsMetadataForStore(AlertsTopology.STORE).stream()
                          .anyMatch(
                              m ->
                                  m.hostInfo().port() == silent.getLocalPort()
                                      && m.stateStoreNames().contains(AlertsTopology.STORE)));
      String heldByC = null;
      for (int i = 0; heldByC == null; i++) {
        String id = alertId("tb_hung_" + i);
        var holder =
            streams(a)
                .queryMetadataForKey(AlertsTopology.STORE, id, Serdes.String().serializer())
                .activeHost();
        if (holder.port() == silent.getLocalPort()) {
          heldByC = id;
        }
      }
      var api = new ApiClient(a::url);

      // Every endpoint that reads the store answers alike: the alert, the list, the dashboard's
      // figures and the CSV export.
      for (String path :
          List.of(
              ApiClient.alertPath(heldByC),
              "/api/v1/alerts?limit=10",
              "/api/v1/reports/summary",
              "/api/v1/exports/alerts.csv")) {
        var response = api.get(path);
        assertEquals(503, response.statusCode(), path + ": " + response.body());
        assertEquals("2", response.headers().firstValue("Retry-After").orElse(null), path);
        var message = ApiClient.json(response).get("message").asText();
        assertTrue(
            message.contains("alerts instance " + hung + " did not answer"), path + ": " + message);
      }
    }
  }

  private static Standalone instance(EmbeddedKafkaBroker cluster, Path dataDir) throws IOException {
    int port = freePort();
    return instance(cluster, dataDir, port, port);
  }

  private static Standalone instance(
      EmbeddedKafkaBroker cluster, Path dataDir, int port, int advertisedPort) {
    return Standalone.start(
        Map.of(
            "micronaut.server.port",
            port,
            "ipr.data-dir",
            dataDir.toString(),
            "ipr.kafka.partitions",
            PARTITIONS,
            "kafka.bootstrap-servers",
            cluster.bootstrapServers(),
            "ipr.alerts.advertised-url",
            "http://localhost:" + advertisedPort));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int port(Standalone app) {
    return Integer.parseInt(app.url().replaceAll(".*:(\\d+)/?$", "$1"));
  }

  private static KafkaStreams streams(Standalone app) {
    return app.context().getBean(AlertsService.class).streamsApp().streams();
  }

  /** The alert from the instance's own store only. */
  private static Alert localAlert(Standalone app, String id) {
    return streams(app)
        .store(
            StoreQueryParameters.fromNameAndType(
                AlertsTopology.STORE, QueryableStoreTypes.<String, Alert>keyValueStore()))
        .get(id);
  }

  private static JsonNode list(ApiClient api, String query) throws Exception {
    var response = api.get("/api/v1/alerts?text=tb_route_&" + query);
    assertEquals(200, response.statusCode(), response.body());
    return ApiClient.json(response);
  }

  private static List<String> ids(JsonNode page) {
    var ids = new ArrayList<String>();
    page.get("alerts").forEach(alert -> ids.add(alert.get("id").asText()));
    return ids;
  }

  private static String alertId(String seller) {
    return "taobao:" + seller + TYPE;
  }
}
