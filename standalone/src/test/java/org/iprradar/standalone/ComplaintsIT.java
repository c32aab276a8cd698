package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Complaint;
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.topology.DetectTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complaints on a real broker: a complaint written to the topic before its listing exists raises
 * the listing's assessment when it arrives, on whatever partition; an unreadable complaint reaches
 * the dead-letter topic with its origin, and detect goes on.
 */
class ComplaintsIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  private Standalone app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldRaiseAListingWithTheComplaintsThatCameBeforeIt() throws Exception {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("ipr.data-dir", dataDir.toString());
    props.put("ipr.kafka.partitions", 3);
    // One complaint on the listing must show, whatever the tuning elsewhere.
    props.put("ipr.detect.listing-complaint-weight", 10);
    app = Standalone.start(props);

    // Given garbage, then a rights holder's notice about listing cmp-1, which nobody has sent yet
    String receivedAt = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    send(Topics.COMPLAINTS.name(), "taobao:garbage", "{not a complaint");
    send(
        Topics.COMPLAINTS.name(),
        "taobao:n-1",
        "{\"platform\":\"taobao\",\"complaintId\":\"n-1\",\"source\":\"RIGHTS_HOLDER\","
            + "\"listingId\":\"cmp-1\",\"sellerId\":\"cmp_seller\",\"text\":\"假冒我司商标\","
            + "\"receivedAt\":\""
            + receivedAt
            + "\"}");
    await().atMost(PIPELINE).ignoreExceptions().until(() -> complaintInForce("taobao:n-1"));

    // When the listing and a sibling without complaints arrive
    postListing("cmp-1");
    postListing("cmp-2");

    // Then the complained-about listing carries the count and the points, the sibling none
    JsonNode first = awaitAssessment("taobao:cmp-1");
    assertEquals(1, first.get("complaints").get("listing30d").asInt(), first.toString());
    assertEquals(10.0, first.get("score").asDouble(), first.toString());
    assertTrue(first.toString().contains("\"COMPLAINTS\""), first.toString());
    JsonNode second = awaitAssessment("taobao:cmp-2");
    assertEquals(0, second.get("complaints").get("listing30d").asInt(), second.toString());
    assertEquals(0.0, second.get("score").asDouble(), second.toString());

    // And the garbage is a dead letter naming the complaints topic, partition and offset
    var letter =
        awaitRecord(
            Topics.DEAD_LETTERS.name(),
            r ->
                Topics.COMPLAINTS
                    .name()
                    .equals(DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC)));
    var headers = letter.headers();
    assertEquals("taobao:garbage", letter.key());
    assertEquals("{not a complaint", letter.value());
    assertTrue(DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION) != null);
    assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
    assertTrue(
        DeadLetters.header(headers, DeadLetters.REASON).contains("unreadable complaint"),
        DeadLetters.header(headers, DeadLetters.REASON));
  }

  private boolean complaintInForce(String key) {
    var store =
        app.context()
            .getBean(DetectService.class)
            .streamsApp()
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    DetectTopology.COMPLAINT_STORE,
                    QueryableStoreTypes.<String, Complaint>keyValueStore()));
    try (var all = store.all()) {
      while (all.hasNext()) {
        var kv = all.next();
        if (kv.key.endsWith(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private void send(String topic, String key, String value) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                app.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private void postListing(String id) throws Exception {
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"南通 蓝印花布 桌旗 手工\","
                + "\"price\":39,\"sellerId\":\"cmp_seller\",\"sellerRegion\":\"320602\","
                + "\"category\":\"home\"}",
            id);
    var request =
        HttpRequest.newBuilder(URI.create(app.url() + "/api/v1/listings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(Duration.ofSeconds(30))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(202, response.statusCode(), response.body());
  }

  private JsonNode awaitAssessment(String listingKey) throws Exception {
    var record = awaitRecord(Topics.ASSESSMENTS.name(), r -> listingKey.equals(r.key()));
    return Json.mapper().readTree(record.value());
  }

  /** The first committed record on the topic that the test accepts. */
  private ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> wanted) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var found = new ArrayList<ConsumerRecord<String, String>>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(PIPELINE)
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                  if (found.isEmpty() && wanted.test(record)) {
                    found.add(record);
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }
}
