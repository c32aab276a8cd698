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
  private final String token;

  /**
   * A client acting as {@link TestTokens#superuser()}, for tests about something other than who may
   * do what.
   *
   * @param baseUrl read at every request, so a test may restart the system under the client
   */
  ApiClient(Supplier<String> baseUrl) {
    this(baseUrl, TestTokens.superuser());
  }

  /**
   * @param token the bearer token every request carries, or null for none (anonymous)
   */
  ApiClient(Supplier<String> baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** This client acting with another token (null: anonymous). */
  ApiClient as(String otherToken) {
    return new ApiClient(baseUrl, otherToken);
  }

  /** Signs in at {@code /login} and answers a client acting as that person. */
  ApiClient signIn(String name, String password) throws IOException, InterruptedException {
    var response =
        as(null)
            .postJson(
                "/login",
                Json.mapper()
                    .writeValueAsString(java.util.Map.of("username", name, "password", password)));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "cannot sign in as " + name + ": " + response.statusCode() + " " + response.body());
    }
    return as(json(response).path("access_token").asText());
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(45));
    return HTTP.send(
        authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    return HTTP.send(
        authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(30));
    return HTTP.send(
        authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
