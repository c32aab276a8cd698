package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.iprradar.common.json.Json;

/** The public HTTP API of a running system, as the integration tests use it. */
final class ApiClient {

  /** How long a listing may take from HTTP acceptance to its alert on a loaded test machine. */
  static final Duration PIPELINE = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Supplier<String> baseUrl;

  /**
   * @param baseUrl read at every request, so a test may restart the system under the client
   */
  ApiClient(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(45))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
    return post(path, "application/json", body);
  }

  /**
   * Any request; {@code body} may be null.
   *
   * @param headers name, value, name, value...
   */
  HttpResponse<String> send(
      String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(45));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * Posts a listing that detect turns into a lead of {@code
   * taobao:<sellerId>:COUNTERFEIT_TRADEMARK}.
   */
  HttpResponse<String> postBagListing(String listingId, String sellerId)
      throws IOException, InterruptedException {
    return postJson(
        "/api/v1/listings",
        "{\"platform\":\"taobao\",\"listingId\":\""
            + listingId
            + "\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\",\"price\":399,\"sellerId\":\""
            + sellerId
            + "\",\"sellerRegion\":\"320602\",\"category\":\"luxury_bags\"}");
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  /** The path of an alert; its id ({@code platform:sellerId:TYPE}) is encoded for the URL. */
  static String alertPath(String id) {
    return "/api/v1/alerts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** The alert once it exists, polling while the pipeline works. */
  JsonNode awaitAlert(String id) {
    return awaitAlert(id, alert -> true);
  }

  /** The alert once it exists and {@code done} holds for it. */
  JsonNode awaitAlert(String id, Predicate<JsonNode> done) {
    var found = new JsonNode[1];
    await()
        .atMost(PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              var response = get(alertPath(id));
              if (response.statusCode() != 200) {
                return false;
              }
              found[0] = json(response);
              return done.test(found[0]);
            });
    return found[0];
  }
}
