package org.iprradar.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.logging.Redaction;
import org.iprradar.ingest.partners.DemoPartner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while the embedded default runs: listings are posted until the data folder
 * (a 64 MB tmpfs) is full. The process must stop with a non-zero status and say why (Kafka's "No
 * space left on device" and its log-folder failure), not hang or go on quietly; and once there is
 * room again, every listing that was answered 202 must be in Kafka. Needs root and the right to
 * mount (CAP_SYS_ADMIN); it reports itself skipped, with the reason, where it cannot mount.
 */
class FullDiskIT {

  private static final Pattern BROKER = Pattern.compile("Embedded Kafka broker ready at (\\S+)");

  @Test
  void fullDiskStopsTheProcessLoudlyAndLosesNoAcceptedListing(@TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small-disk"));
    var mounted = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString());
    assumeTrue(mounted.isEmpty(), "cannot mount a small file system here: " + mounted);
    try {
      Path data = mount.resolve("data");
      Set<String> accepted = new HashSet<>();
      int port = freePort();
      Path log = dir.resolve("full.log");
      var process = start(data, port, log);
      awaitUp(port, process, log);
      var http = HttpClient.newHttpClient();
      String description = "高仿 古驰 GG 酒神包 " + "描述".repeat(9_000);
      for (int batch = 0; process.isAlive() && batch < 2_000; batch++) {
        var body = new StringBuilder();
        var keys = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
          String id = "full-" + batch + "-" + i;
          keys.add("taobao:" + id);
          body.append("{\"platform\":\"taobao\",\"listingId\":\"")
              .append(id)
              .append("\",\"title\":\"古驰 GG 酒神包 高仿\",\"price\":399,\"sellerId\":\"s")
              .append(i)
              .append("\",\"description\":\"")
              .append(description)
              .append(batch)
              .append("\"}\n");
        }
        try {
          var response =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/api/v1/listings"))
                      .header("Content-Type", "application/x-ndjson")
                      .header("X-Api-Key", DemoPartner.KEY)
                      .timeout(Duration.ofSeconds(60))
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 202) {
            accepted.addAll(keys);
          }
        } catch (IOException e) {
          // The process went away under this request: it was not answered 202.
        }
      }
      boolean exited = process.waitFor(2, TimeUnit.MINUTES);
      String output = Files.readString(log);
      assertTrue(exited, "still running on a full disk after 2,000 requests:\n" + tail(output));
      assertNotEquals(0, process.exitValue());
      // The folder as the log prints it: the log's redaction masks an 18- or 15-digit run, and
      // JUnit's temporary folder names carry a random number that sometimes is one.
      assertTrue(
          output.contains("No space left on device")
              && output.contains(Redaction.mask(data.toString())),
          "no clear reason in the output:\n" + tail(output));
      assertTrue(accepted.size() > 0, "nothing was accepted before the disk filled");

      // Room again: the same data folder, and every listing answered 202 is in the topic.
      assertEquals("", run("mount", "-o", "remount,size=256m", mount.toString()));
      Path again = dir.resolve("again.log");
      var restarted = start(data, freePort(), again);
      try {
        var matcher = BROKER.matcher("");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(matcher = BROKER.matcher(Files.readString(again))).find()) {
          assertTrue(
              restarted.isAlive() && System.nanoTime() < deadline, tail(Files.readString(again)));
          Thread.sleep(200);
        }
        Set<String> stored = listingKeys(matcher.group(1));
        var lost = accepted.stream().filter(k -> !stored.contains(k)).limit(10).toList();
        assertEquals(List.of(), lost, "answered 202 but not in Kafka");
      } finally {
        restarted.destroy();
        restarted.waitFor(60, TimeUnit.SECONDS);
      }
    } finally {
      run("umount", "-l", mount.toString());
    }
  }

  private static Process start(Path data, int port, Path log) throws IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            Path.of("..", "standalone", "target", "ipr-radar-standalone.jar")
                .toAbsolutePath()
                .toString(),
            "--ipr.data-dir=" + data,
            "--micronaut.server.port=" + port,
            // About a full disk, not credentials: the test posts and reads without a token.
            "--micronaut.security.enabled=false")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitUp(int port, Process process, Path log) throws Exception {
    var http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      assertTrue(process.isAlive() && System.nanoTime() < deadline, tail(Files.readString(log)));
      try {
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
  }

  /** Every key of the listings topic, read to its end. */
  private static Set<String> listingKeys(String bootstrap) {
    var keys = new HashSet<String>();
    var config =
        java.util.Map.<String, Object>of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions = new ArrayList<TopicPartition>();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        consumer
            .partitionsFor(Topics.LISTINGS.name())
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  /** Runs a command; its output when it failed, else empty. */
  private static String run(String... command) throws Exception {
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 ? "" : String.join(" ", command) + ": " + output.strip();
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(String output) {
    return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
  }
}
