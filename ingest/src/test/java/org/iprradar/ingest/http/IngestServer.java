package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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

/** Ingest's HTTP server in-process, writing to Kafka's {@link MockProducer} instead of a broker. */
final class IngestServer implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final MockProducer<String, byte[]> producer;
  private final ApplicationContext context;
  private final String url;

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
