package org.iprradar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error Micronaut answers itself comes back as {@code {"error", "message"}} JSON. */
class JsonErrorsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedServer server;

  @BeforeAll
  static void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of("micronaut.server.port", -1, "micronaut.security.enabled", false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path, String type, String body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The error body, after checking the status and that it is JSON. */
  private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
    var body = JSON.readTree(response.body());
    assertFalse(body.path("message").asText().isBlank(), response.body());
    return body;
  }

  @Test
  void shouldAnswerAnUnknownRouteWith404() throws Exception {
    var body = error(send("GET", "/nothing/here", null, null), 404);
    assertEquals("not_found", body.get("error").asText());
    assertTrue(body.get("message").asText().contains("/nothing/here"), body.toString());
  }

  @Test
  void shouldAnswerAWrongMethodWith405() throws Exception {
    var body = error(send("DELETE", "/test/things", null, null), 405);
    assertEquals("method_not_allowed", body.get("error").asText());
    assertTrue(body.get("message").asText().contains("DELETE"), body.toString());
  }

  @Test
  void shouldAnswerAnUnsupportedMediaTypeWith415() throws Exception {
    var body = error(send("POST", "/test/things", "text/csv", "a,1"), 415);
    assertEquals("unsupported_media_type", body.get("error").asText());
  }

  @Test
  void shouldAnswerMalformedJsonWith400() throws Exception {
    var body = error(send("POST", "/test/things", "application/json", "{\"name\": "), 400);
    assertEquals("malformed_body", body.get("error").asText());
  }

  @Test
  void shouldAnswerAnInvalidQueryParameterWith400NamingIt() throws Exception {
    var body = error(send("GET", "/test/things?count=many", null, null), 400);
    assertEquals("bad_parameter", body.get("error").asText());
    assertTrue(body.get("message").asText().contains("count"), body.toString());
  }

  @Test
  void shouldAnswerAMissingQueryParameterWith400NamingIt() throws Exception {
    var body = error(send("GET", "/test/things", null, null), 400);
    assertEquals("bad_parameter", body.get("error").asText());
    assertTrue(body.get("message").asText().contains("count"), body.toString());
  }

  @Test
  void shouldAnswerAnUncaughtExceptionWith500WithoutItsText() throws Exception {
    var body = error(send("GET", "/test/boom", null, null), 500);
    assertEquals("internal_error", body.get("error").asText());
    assertFalse(body.get("message").asText().contains("secret"), body.toString());
  }

  @Test
  void shouldServeAnOpenApiDocumentFromTheClasspathAndNothingElse() throws Exception {
    var found = send("GET", "/openapi/test-api.yml", null, null);
    assertEquals(200, found.statusCode());
    assertTrue(found.body().contains("title: test"), found.body());
    assertEquals(
        "not_found",
        error(send("GET", "/openapi/absent.yml", null, null), 404).get("error").asText());
    assertEquals(404, send("GET", "/openapi/..%2Flogback.xml", null, null).statusCode());
  }
}
