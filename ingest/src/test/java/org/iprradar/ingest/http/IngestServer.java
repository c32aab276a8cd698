package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
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
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.web.security.Roles;

/** Ingest's HTTP server in-process, writing to Kafka's {@link MockProducer} instead of a broker. */
final class IngestServer implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final MockProducer<String, byte[]> producer;
  private final ApplicationContext context;
  private final String url;
  private final String token;

  IngestServer(boolean autoComplete, Map<String, Object> properties) {
    this(autoComplete, 100_000, properties);
  }

  IngestServer(boolean autoComplete, int maxInFlight, Map<String, Object> properties) {
    producer =
        new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    var props = new HashMap<String, Object>(properties);
    props.put("micronaut.server.port", -1);
    context =
        ApplicationContext.builder()
            .properties(props)
            .singletons(new FeedPublisher(producer, maxInFlight))
            .start();
    var server = context.getBean(EmbeddedServer.class).start();
    url = server.getURL().toString();
    // Signed by the server's own token generator with the configured (demo) secret, as a person's
    // or partner's token would be: these tests are about feeds, not about who may send them.
    token =
        context
            .getBean(TokenGenerator.class)
            .generateToken(
                Authentication.build(
                    "ingest-test", List.of(Roles.PARTNER, Roles.OPERATOR), Map.of()),
                3600)
            .orElseThrow();
  }

  IngestServer() {
    this(true, Map.of());
  }

  HttpResponse<String> send(
      String method, String path, String contentType, byte[] body, boolean gzip)
      throws IOException, InterruptedException {
    var builder =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
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
