package org.iprradar.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.Bureau;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.DeliveryState;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real HTTP receiver on 127.0.0.1, driven through the worker with a mock
 * consumer and producer; waits between attempts are recorded, not slept.
 */
class WebhookDeliveryTest {

  private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  private static final String SECRET = "test-secret-for-market-supervision";
  private static final TopicPartition PARTITION =
      new TopicPartition(Topics.ALERT_DELIVERIES.name(), 0);
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 4);

  /** What the receiver saw. */
  record Received(Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.get(name).get(0);
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile IntUnaryOperator answer = call -> 200;
  private HttpServer server;
  private MockConsumer<String, byte[]> consumer;
  private MockProducer<byte[], byte[]> producer;
  private DeliveryWorker worker;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
          exchange.sendResponseHeaders(answer.applyAsInt(calls.incrementAndGet()), -1);
          exchange.close();
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    var endpoints =
        WebhookEndpoints.from(
            List.of(
                new Bureau("MARKET_SUPERVISION", null, null), new Bureau("COPYRIGHT", null, null)),
            Map.of(
                "IPR_WEBHOOK_MARKET_SUPERVISION_URL",
                url.toString(),
                "IPR_WEBHOOK_MARKET_SUPERVISION_SECRET",
                SECRET));
    var sender =
        new WebhookSender(
            WebhookSender.httpClient(Duration.ofSeconds(2)),
            Duration.ofSeconds(5),
            BACKOFF,
            Clock.fixed(NOW, ZoneOffset.UTC),
            sleeps::add,
            new SplittableRandom(7));
    consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    worker = new DeliveryWorker(consumer, producer, endpoints, sender);
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  @Test
  void shouldRetryA503TwiceThenDeliverOnceWithAValidSignature() throws Exception {
    answer = call -> call <= 2 ? 503 : 204;
    byte[] body = offer(alert("MARKET_SUPERVISION"), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(3, received.size(), "two failures and the delivery");
    for (Received request : received) {
      assertArrayEquals(body, request.body());
      assertEquals(String.valueOf(NOW.getEpochSecond()), request.header("X-ipr-timestamp"));
      assertEquals(
          expectedSignature(request.header("X-ipr-timestamp"), request.body()),
          request.header("X-ipr-signature"));
    }
    String key = received.get(0).header("Idempotency-key");
    assertTrue(key.startsWith("taobao:s1:COUNTERFEIT_TRADEMARK:"), key);
    assertEquals(1, received.stream().map(r -> r.header("Idempotency-key")).distinct().count());
    assertEquals(1, Json.mapper().readTree(received.get(0).body()).get("schemaVersion").asInt());

    assertEquals(2, sleeps.size(), "waits before attempts 2 and 3 only");
    assertTrue(sleeps.get(0).compareTo(BACKOFF.ceiling(1)) <= 0, sleeps.toString());
    assertTrue(sleeps.get(1).compareTo(BACKOFF.ceiling(2)) <= 0, sleeps.toString());
    assertTrue(deadLetters().isEmpty(), "no dead letter");
    assertEquals(1, committed());

    var outcomes = outcomes();
    assertEquals(3, outcomes.size(), "two retries scheduled, then the delivery");
    for (int i = 0; i < 2; i++) {
      assertEquals(DeliveryState.RETRYING, outcomes.get(i).state());
      assertEquals(i + 1, outcomes.get(i).attempts());
      assertEquals("HTTP 503", outcomes.get(i).lastError());
      assertEquals(NOW.plus(sleeps.get(i)), outcomes.get(i).nextRetryAt());
    }
    var last = outcomes.get(2);
    assertTrue(last.delivered());
    assertEquals(3, last.attempts());
    assertEquals(204, last.httpStatus());
    assertEquals(key, last.idempotencyKey());
    assertEquals(
        "taobao:s1:COUNTERFEIT_TRADEMARK",
        new String(outcomeRecords().get(2).key(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldDeadLetterAfterMaxAttemptsWhenTheReceiverKeepsFailing() throws Exception {
    answer = call -> 503;
    byte[] body = offer(alert("MARKET_SUPERVISION"), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(BACKOFF.maxAttempts(), received.size());
    assertEquals(BACKOFF.maxAttempts() - 1, sleeps.size());
    assertEquals(1, deadLetters().size());
    var dead = deadLetters().get(0);
    assertEquals(Topics.DEAD_LETTERS.name(), dead.topic());
    assertArrayEquals(body, dead.value());
    assertEquals("taobao:s1:COUNTERFEIT_TRADEMARK", new String(dead.key(), StandardCharsets.UTF_8));
    String reason = DeadLetters.header(dead.headers(), DeadLetters.REASON);
    assertTrue(reason.contains("MARKET_SUPERVISION") && reason.contains("HTTP 503"), reason);
    assertEquals(
        Topics.ALERT_DELIVERIES.name(),
        DeadLetters.header(dead.headers(), DeadLetters.SOURCE_TOPIC));
    assertEquals("0", DeadLetters.header(dead.headers(), DeadLetters.SOURCE_OFFSET));
    assertEquals(1, committed(), "committed once the dead letter was written");
    var last = outcomes().get(outcomes().size() - 1);
    assertEquals(DeliveryState.FAILED, last.state());
    assertEquals(BACKOFF.maxAttempts(), last.attempts());
    assertEquals("HTTP 503", last.lastError());
  }

  @Test
  void shouldNotRetryAClientError() throws Exception {
    answer = call -> 400;
    offer(alert("MARKET_SUPERVISION"), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(1, received.size());
    assertTrue(sleeps.isEmpty());
    assertEquals(1, deadLetters().size());
  }

  @Test
  void shouldRetryA429() throws Exception {
    answer = call -> call == 1 ? 429 : 200;
    offer(alert("MARKET_SUPERVISION"), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(2, received.size());
    assertTrue(deadLetters().isEmpty());
  }

  @Test
  void shouldRetryConnectionErrorsThenDeadLetter() throws Exception {
    server.stop(0); // nothing listens on the port any more
    offer(alert("MARKET_SUPERVISION"), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(BACKOFF.maxAttempts() - 1, sleeps.size());
    assertEquals(1, deadLetters().size());
    String reason = DeadLetters.header(deadLetters().get(0).headers(), DeadLetters.REASON);
    assertTrue(reason.contains("Exception"), reason);
  }

  @Test
  void shouldSkipBureausWithoutAnEndpoint() throws Exception {
    offer(alert("COPYRIGHT"), 0);

    worker.pollOnce(Duration.ZERO);

    assertTrue(received.isEmpty());
    assertTrue(deadLetters().isEmpty());
    assertEquals(1, committed());
  }

  @Test
  void shouldDeliverToACoRecipientWithAnEndpoint() throws Exception {
    var alert = alert("COPYRIGHT");
    offer(alert("COPYRIGHT", List.of("MARKET_SUPERVISION")), 0);

    worker.pollOnce(Duration.ZERO);

    assertEquals(1, received.size());
    assertEquals("MARKET_SUPERVISION", outcomes().get(0).bureauId());
    assertEquals(alert.id(), outcomes().get(0).alertId());
  }

  @Test
  void shouldDeadLetterAnUnreadableRecordWithoutCallingTheReceiver() throws Exception {
    consumer.addRecord(
        new ConsumerRecord<>(
            PARTITION.topic(), 0, 0, "k", "not json".getBytes(StandardCharsets.UTF_8)));

    worker.pollOnce(Duration.ZERO);

    assertTrue(received.isEmpty());
    assertEquals(1, deadLetters().size());
    assertEquals(1, committed());
  }

  @Test
  void shouldDeadLetterAnAlertBrokenAfterItsRecipientsRatherThanDeliverIt() throws Exception {
    String json =
        new String(
            Json.mapper().writeValueAsBytes(alert("MARKET_SUPERVISION")), StandardCharsets.UTF_8);
    byte[] cut =
        json.substring(0, json.indexOf("\"listings\"") + 14).getBytes(StandardCharsets.UTF_8);
    consumer.addRecord(
        new ConsumerRecord<>(PARTITION.topic(), 0, 0, "taobao:s1:COUNTERFEIT_TRADEMARK", cut));

    worker.pollOnce(Duration.ZERO);

    assertTrue(received.isEmpty());
    assertEquals(1, deadLetters().size());
    assertEquals(1, committed());
  }

  private byte[] offer(Alert alert, long offset) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(alert);
    consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, offset, alert.id(), body));
    return body;
  }

  private long committed() {
    var offsets = consumer.committed(Set.of(PARTITION));
    return offsets.get(PARTITION) == null ? -1 : offsets.get(PARTITION).offset();
  }

  /** What a receiver computes: HMAC-SHA256 of timestamp "." body, written as the header is. */
  private static String expectedSignature(String timestamp, byte[] body) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static Alert alert(String bureau) {
    return alert(bureau, List.of());
  }

  private static Alert alert(String bureau, List<String> coRecipients) {
    return new Alert(
        Alert.SCHEMA_VERSION,
        "taobao:s1:COUNTERFEIT_TRADEMARK",
        "taobao:s1:COUNTERFEIT_TRADEMARK",
        AlertStatus.OPEN,
        new Bureau(bureau, null, null),
        coRecipients,
        "320602",
        "崇川区",
        false,
        InfringementType.COUNTERFEIT_TRADEMARK,
        "footwear",
        "taobao",
        "s1",
        80,
        List.of(),
        NOW,
        NOW,
        List.of());
  }

  private List<ProducerRecord<byte[], byte[]>> deadLetters() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name()))
        .toList();
  }

  private List<ProducerRecord<byte[], byte[]>> outcomeRecords() {
    return producer.history().stream()
        .filter(r -> r.topic().equals(Topics.ALERT_DELIVERY_OUTCOMES.name()))
        .toList();
  }

  /** The outcomes the worker recorded, in the order it wrote them. */
  private List<DeliveryOutcome> outcomes() {
    return outcomeRecords().stream()
        .map(
            r ->
                Topics.ALERT_DELIVERY_OUTCOMES
                    .valueSerde()
                    .deserializer()
                    .deserialize(null, r.value()))
        .toList();
  }
}
