package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops while a partner posts listings and comes back: every listing answered 202 is in
 * Kafka afterwards, and every request that was not answered 202 got an error (503 with Retry-After,
 * or a failed connection), so no partner believes a record was kept when it was not.
 */
class IngestBrokerOutageIT {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dir;

  /** One request of the posting client and what it was answered. */
  private record Attempt(List<String> keys, int status, String retryAfter) {}

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("localhost", 0));
      return socket.getLocalPort();
    }
  }

  private static String batch(int n, List<String> keys) {
    var body = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String id = "outage-" + n + "-" + i;
      keys.add("outage:" + id);
      body.append(
              String.format(
                  "{\"platform\":\"outage\",\"listingId\":\"%s\",\"title\":\"普通商品 %d\","
                      + "\"price\":%d,\"sellerId\":\"s-%d\"}",
                  id, i, 10 + i, n % 5))
          .append('\n');
    }
    return body.toString();
  }

  private static long count(ConcurrentLinkedQueue<Attempt> attempts, boolean accepted) {
    return attempts.stream().filter(a -> (a.status() == 202) == accepted).count();
  }

  @Test
  void shouldKeepEveryAcknowledgedListingAndFailEveryOtherRequestWhileTheBrokerIsAway()
      throws Exception {
    int port = freePort();
    var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), port, 2);
    Map<String, Object> props = TestSystem.settings(dir);
    props.put("kafka.bootstrap-servers", broker.bootstrapServers());
    props.put("ipr.ingest.max-block", "5s");
    var app = Standalone.start(props);
    var api = new ApiClient(app::url);
    var attempts = new ConcurrentLinkedQueue<Attempt>();
    var stop = new AtomicBoolean();
    var client =
        new Thread(
            () -> {
              for (int n = 0; !stop.get(); n++) {
                var keys = new ArrayList<String>();
                String body = batch(n, keys);
                try {
                  var response = api.post("/api/v1/listings", "application/x-ndjson", body);
                  attempts.add(
                      new Attempt(
                          keys,
                          response.statusCode(),
                          response.headers().firstValue("Retry-After").orElse(null)));
                } catch (IOException e) {
                  attempts.add(new Attempt(keys, -1, null)); // the client saw an error
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "posting-partner");
    try {
      client.start();
      await().atMost(WAIT).until(() -> count(attempts, true) >= 5);

      // When the broker goes away while the partner keeps posting
      broker.close();
      await().atMost(WAIT).until(() -> count(attempts, false) >= 1);

      // and comes back on the same port with its data
      broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), port, 2);
      long acceptedBefore = count(attempts, true);
      await().atMost(WAIT).until(() -> count(attempts, true) >= acceptedBefore + 3);
      stop.set(true);
      client.join(60_000);

      // Then every request was either accepted or answered with an error
      for (Attempt a : attempts) {
        assertTrue(
            a.status() == 202 || a.status() == 503 || a.status() == -1,
            "unexpected answer " + a.status());
        if (a.status() == 503) {
          assertTrue(a.retryAfter() != null, "a 503 says when to retry");
        }
      }
      // and every accepted listing is in Kafka
      Set<String> stored = readListingKeys(broker.bootstrapServers());
      var missing = new ArrayList<String>();
      for (Attempt a : attempts) {
        if (a.status() == 202) {
          a.keys().stream().filter(k -> !stored.contains(k)).forEach(missing::add);
        }
      }
      assertEquals(List.of(), missing, "listings answered 202 but not in Kafka");
      assertTrue(count(attempts, false) >= 1, "the outage was seen by the partner");
    } finally {
      stop.set(true);
      client.join(60_000);
      app.close();
      broker.close();
    }
  }

  private static Set<String> readListingKeys(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    var keys = new HashSet<String>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.LISTINGS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      await()
          .atMost(WAIT)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return end.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
              });
    }
    return keys;
  }
}
