package org.iprradar.alerts.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.iprradar.alerts.TestAlerts;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.alerts.store.AlertSort;
import org.iprradar.alerts.store.AlertsPage;
import org.iprradar.alerts.store.PeerQuery;
import org.iprradar.alerts.store.StoreUnavailableException;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one alerts instance reads another's answers, with a fake peer on a local port. */
class HttpPeerAlertsTest {

  private static final String ID = "taobao:tb_peer:COUNTERFEIT_TRADEMARK";

  private HttpServer peer;
  private HostInfo host;
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private final AtomicReference<String> answer = new AtomicReference<>("{}");
  private final AtomicReference<String> received = new AtomicReference<>();
  private final HttpPeerAlerts peers = new HttpPeerAlerts(Duration.ofSeconds(5));

  @BeforeEach
  void startPeer() throws IOException {
    peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    peer.createContext(
        "/",
        exchange -> {
          received.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    peer.start();
    host = new HostInfo("127.0.0.1", peer.getAddress().getPort());
  }

  @AfterEach
  void stopPeer() {
    peer.stop(0);
  }

  @Test
  void shouldReadTheAlertThePeerHolds() throws Exception {
    var alert =
        TestAlerts.alert(
            "tb_peer", TestAlerts.MARKET, "320602", Instant.parse("2026-11-01T08:00:00Z"));
    answer.set(Json.mapper().writeValueAsString(alert));

    assertEquals(Optional.of(alert), peers.find(host, ID));
    assertEquals(
        "GET /internal/v1/alerts/taobao%3Atb_peer%3ACOUNTERFEIT_TRADEMARK ", received.get());
  }

  @Test
  void shouldSayNotFoundOnlyWhenThePeerSaysSo() {
    status.set(404);
    answer.set("{\"error\":\"not_found\",\"message\":\"no alert with id " + ID + "\"}");
    assertEquals(Optional.empty(), peers.find(host, ID));

    // A 404 of something that is not the internal endpoint (an older version, a proxy) is no
    // answer.
    answer.set("{\"message\":\"Page Not Found\"}");
    var e = assertThrows(StoreUnavailableException.class, () -> peers.find(host, ID));
    assertTrue(
        e.getMessage().contains("127.0.0.1:" + host.port() + " answered 404"), e.getMessage());
  }

  @Test
  void shouldNameThePeerThatCannotReadItsStore() {
    status.set(503);
    answer.set("{\"error\":\"store_unavailable\",\"message\":\"the alert store is not ready\"}");

    var e =
        assertThrows(
            StoreUnavailableException.class,
            () -> peers.page(host, new PeerQuery(AlertFilter.ALL, AlertSort.SCORE, 10)));
    assertEquals(
        "alerts instance 127.0.0.1:" + host.port() + " answered 503: the alert store is not ready",
        e.getMessage());
  }

  @Test
  void shouldSendTheWholeQueryAndReadThePage() throws Exception {
    var alert =
        TestAlerts.alert(
            "tb_peer", TestAlerts.COPYRIGHT, "320602", Instant.parse("2026-11-01T08:00:00Z"));
    answer.set(Json.mapper().writeValueAsString(new AlertsPage(7, List.of(alert))));
    var filter =
        new AlertFilter(
            "COPYRIGHT",
            "3206",
            AlertStatus.OPEN,
            InfringementType.COUNTERFEIT_TRADEMARK,
            60.0,
            "bag",
            true,
            false,
            "luxury_bags",
            "li.wei",
            false);

    var page = peers.page(host, new PeerQuery(filter, AlertSort.CREATED, 25));

    assertEquals(new AlertsPage(7, List.of(alert)), page);
    String sent = received.get().substring("POST /internal/v1/alerts/query ".length());
    assertEquals(
        new PeerQuery(filter, AlertSort.CREATED, 25),
        Json.mapper().readValue(sent, PeerQuery.class),
        "the peer reads back every criterion");
  }

  @Test
  void shouldNameAPeerThatDoesNotAnswerInTime() throws Exception {
    // Accepts connections but never answers: a stuck peer.
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var stuck = new HostInfo("127.0.0.1", silent.getLocalPort());
      var impatient = new HttpPeerAlerts(Duration.ofMillis(200));

      var e = assertThrows(StoreUnavailableException.class, () -> impatient.find(stuck, ID));
      assertEquals(
          "alerts instance 127.0.0.1:" + silent.getLocalPort() + " did not answer within 200 ms",
          e.getMessage());
    }
  }
}
