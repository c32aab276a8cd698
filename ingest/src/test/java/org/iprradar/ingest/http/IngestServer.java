package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.web.security.Caller;
import org.iprradar.web.security.Roles;

/** Ingest's HTTP server in-process, writing to Kafka's {@link MockProducer} instead of a broker. */
final class IngestServer implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The identity key the test server hashes sellers' raw identity details with. */
  static final String IDENTITY_KEY = "ingest-test-identity-key";

  final MockProducer<String, byte[]> producer;
  final ApplicationContext context;
  private final String url;

  /**
   * The credentials sent when a test names none: a person who is both ADMIN (any platform's data)
   * and OPERATOR (rules, brands), so that the feed tests are about the feeds.
   */
  private final Map<String, String> defaultCredentials;

  IngestServer(boolean autoComplete, Map<String, Object> properties) {
    this(autoComplete, 100_000, properties);
  }

  IngestServer(boolean autoComplete, int maxInFlight, Map<String, Object> properties) {
    this(autoComplete, maxInFlight, properties, new Object[0]);
  }

  /** The server with beans of the test's own beside the publisher (an account directory). */
  IngestServer(Map<String, Object> properties, Object... beans) {
    this(true, 100_000, properties, beans);
  }

  private IngestServer(
      boolean autoComplete, int maxInFlight, Map<String, Object> properties, Object[] beans) {
    producer =
        new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    var props = new HashMap<String, Object>(properties);
    props.put("micronaut.server.port", -1);
    props.putIfAbsent("ipr.security.identity-key", IDENTITY_KEY);
    props.putIfAbsent("ipr.security.demo-partner.enabled", true);
    context =
        ApplicationContext.builder()
            .properties(props)
            .singletons(new FeedPublisher(producer, maxInFlight))
            .singletons(beans)
            .start();
    var server = context.getBean(EmbeddedServer.class).start();
    url = server.getURL().toString();
    defaultCredentials =
        Map.of("Authorization", "Bearer " + token("test-admin", Roles.ADMIN, Roles.OPERATOR));
  }

  /** A signed token for a person holding the roles, as the sign-in would issue it. */
  String token(String name, String... roles) {
    var caller = new Caller(name, Set.of(roles), Optional.empty(), Optional.empty(), Set.of());
    return context
        .getBean(TokenGenerator.class)
        .generateToken(caller.authentication(), 3600)
        .orElseThrow(() -> new IllegalStateException("no token generated"));
  }

  IngestServer() {
    this(true, Map.of());
  }

  HttpResponse<String> send(
      String method, String path, String contentType, byte[] body, boolean gzip)
      throws IOException, InterruptedException {
    return send(method, path, contentType, body, gzip, defaultCredentials);
  }

  /** A request with the given credential headers (none when empty) instead of the default ones. */
  HttpResponse<String> send(
      String method,
      String path,
      String contentType,
      byte[] body,
      boolean gzip,
      Map<String, String> credentials)
      throws IOException, InterruptedException {
    var builder =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    credentials.forEach(builder::header);
    if (gzip) {
      builder.header("Content-Encoding", "gzip");
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
  }

  HttpResponse<String> postNdjson(String path, String body)
      throws IOException, InterruptedException {
    return send("POST", path, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8), false);
  }

  HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
    return send("PUT", path, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
  }

  /** A request with headers of its own, such as who makes a change. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    var builder =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, "application/json", new byte[0], false);
  }

  /** Records the server sent to a topic, in order. */
  List<ProducerRecord<String, byte[]>> sent(String topic) {
    return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  static JsonNode value(ProducerRecord<String, byte[]> record) throws IOException {
    return Json.mapper().readTree(record.value());
  }

  static byte[] gzip(String text) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    context.close();
  }
}
