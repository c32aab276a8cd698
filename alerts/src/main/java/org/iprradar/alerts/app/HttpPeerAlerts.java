package org.iprradar.alerts.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.iprradar.alerts.store.AlertQueries;
import org.iprradar.alerts.store.AlertsPage;
import org.iprradar.alerts.store.PeerAlerts;
import org.iprradar.alerts.store.PeerQuery;
import org.iprradar.alerts.store.StoreUnavailableException;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Alert;

/**
 * Asks another alerts instance over its internal endpoints ({@code /internal/v1/alerts}). Anything
 * but a clear answer (a slow or absent peer, a peer that cannot read its store) is unavailable,
 * naming the peer, so that the caller answers 503 instead of a wrong "not found" or a short list.
 */
public final class HttpPeerAlerts implements PeerAlerts {

  /** The internal endpoints' root; {@code InternalAlertController} serves it. */
  public static final String PATH = "/internal/v1/alerts";

  private final HttpClient http;
  private final Duration timeout;
  private final Supplier<String> token;

  /** Peers that ask without a token, as with security switched off. */
  public HttpPeerAlerts(Duration timeout) {
    this(timeout, () -> null);
  }

  /**
   * @param token the bearer token to show the peer (see {@code PeerToken}), or a supplier of null
   */
  public HttpPeerAlerts(Duration timeout, Supplier<String> token) {
    this.timeout = timeout;
    this.token = token;
    // HTTP/1.1: the peers are Micronaut servers on a private network; no upgrade round trip.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public Optional<Alert> find(HostInfo peer, String id) {
    var request =
        HttpRequest.newBuilder(
                uri(peer, PATH + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
            .timeout(timeout)
            .GET()
            .build();
    var response = send(peer, request);
    if (response.statusCode() == 404 && "not_found".equals(errorCode(response))) {
      return Optional.empty();
    }
    return Optional.of(read(peer, response, Alert.class));
  }

  @Override
  public AlertsPage page(HostInfo peer, PeerQuery query) {
    String body;
    try {
      body = Json.mapper().writeValueAsString(query);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the query " + query, e);
    }
    var request =
        HttpRequest.newBuilder(uri(peer, PATH + "/query"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return read(peer, send(peer, request), AlertsPage.class);
  }

  private static URI uri(HostInfo peer, String path) {
    return URI.create("http://" + AlertQueries.address(peer) + path);
  }

  private HttpResponse<String> send(HostInfo peer, HttpRequest unsigned) {
    String bearer = token.get();
    HttpRequest request =
        bearer == null
            ? unsigned
            : HttpRequest.newBuilder(unsigned, (name, value) -> true)
                .header("Authorization", "Bearer " + bearer)
                .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw unavailable(peer, "did not answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw unavailable(peer, "cannot be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(peer, "was being asked when the request was interrupted", e);
    }
  }

  private static <T> T read(HostInfo peer, HttpResponse<String> response, Class<T> type) {
    if (response.statusCode() != 200) {
      String reason = errorMessage(response);
      throw unavailable(peer, "answered " + response.statusCode() + ": " + reason, null);
    }
    try {
      return Json.mapper().readValue(response.body(), type);
    } catch (JsonProcessingException e) {
      throw unavailable(peer, "answered what is not " + type.getSimpleName() + " JSON", e);
    }
  }

  private static String errorCode(HttpResponse<String> response) {
    return errorBody(response).path("error").asText("");
  }

  private static String errorMessage(HttpResponse<String> response) {
    String message = errorBody(response).path("message").asText("");
    return message.isEmpty() ? "(no message)" : message;
  }

  private static JsonNode errorBody(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (JsonProcessingException e) {
      return Json.mapper().createObjectNode();
    }
  }

  private static StoreUnavailableException unavailable(
      HostInfo peer, String what, Throwable cause) {
    return new StoreUnavailableException(
        "alerts instance " + AlertQueries.address(peer) + " " + what, cause);
  }
}
