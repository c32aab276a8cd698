package org.iprradar.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topic;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Listing;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.ingest.publish.ProducerSettings;
import org.iprradar.standalone.EmbeddedKafkaBroker;

/**
 * Listings per second accepted over HTTP ({@code POST /api/v1/listings}, NDJSON batches of 1,000,
 * each answered only after Kafka acknowledged it) against the same records produced directly with a
 * Kafka producer of the same settings ({@link ProducerSettings}: acks=all, idempotent, linger 5 ms,
 * the same batch size and compression): the ceiling. The broker runs in this JVM; ingest runs in
 * its own JVM, as in production, so that the two do not share a heap.
 *
 * <pre>
 * ./mvnw -B -pl ingest,benchmarks -am package -DskipTests
 * java -cp 'benchmarks/target/benchmarks.jar' org.iprradar.benchmarks.IngestBenchmark \
 *   [listings=200000] [clients=4] [rounds=3] [ingestJar=ingest/target/ipr-radar-ingest.jar] \
 *   [batchSize=65536] [compression=lz4] [directOnly=true]
 * </pre>
 *
 * <p>{@code -DingestJvm='...'} passes options to ingest's JVM (a profiler, a heap size).
 *
 * <pre>
 * </pre>
 */
public final class IngestBenchmark {

  private static final int BATCH = 1_000;

  /** The ceiling's topic: the listings topic's settings, which no ingest instance follows. */
  private static final Topic<String, Listing> DIRECT_TOPIC =
      new Topic<>(
          "bench-direct-listings",
          Topics.LISTINGS.keySerde(),
          Topics.LISTINGS.valueSerde(),
          Topics.LISTINGS.configs());

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(arg(args, "listings", "200000"));
    int clients = Integer.parseInt(arg(args, "clients", "4"));
    int rounds = Integer.parseInt(arg(args, "rounds", "3"));
    Path ingestJar = Path.of(arg(args, "ingestJar", "ingest/target/ipr-radar-ingest.jar"));
    // One producer setting for both paths, so that the direct pass stays an honest ceiling.
    int batchSize =
        Integer.parseInt(
            arg(args, "batchSize", Integer.toString(ProducerSettings.DEFAULT_BATCH_SIZE)));
    String compression = arg(args, "compression", ProducerSettings.DEFAULT_COMPRESSION);
    var producerConfig = new ArrayList<String>();
    producerConfig.add("-Dipr.ingest.producer.batch-size=" + batchSize);
    producerConfig.add("-Dipr.ingest.producer.compression=" + compression);
    var titles = BenchmarkData.titles();
    Path dir = Files.createTempDirectory("ipr-ingest-bench");
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 3)) {
      var kafka = new KafkaSettings(broker.bootstrapServers(), 3, (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);

      // The ceiling writes to a topic of its own, made like the listings topic: ingest's version
      // table follows the listings topic, and must not spend the ceiling's time reading its
      // records.
      TopicProvisioner.ensure(kafka, List.of(DIRECT_TOPIC));
      var config = ProducerSettings.of(kafka, "bench-direct", batchSize, compression);
      direct(config, titles, "warm", total / 4);
      if (arg(args, "directOnly", "false").equals("true")) {
        // For comparing producer settings on the ceiling alone.
        double directRate = direct(config, titles, "direct", total);
        System.out.printf(
            Locale.ROOT,
            "%nproducer batch.size=%d compression=%s%ndirect producer: %,.0f listings/s%n",
            batchSize,
            compression,
            directRate);
        return;
      }

      Process ingest = startIngest(ingestJar, broker.bootstrapServers(), dir, producerConfig);
      try {
        String url = awaitIngest(ingest);
        http(url, titles, "hwarm", total / 4, clients);
        // Rounds alternate the two paths, so that a busy spell of the machine falls on both.
        var directRates = new ArrayList<Double>();
        var httpRates = new ArrayList<Double>();
        for (int round = 1; round <= rounds; round++) {
          directRates.add(direct(config, titles, "direct" + round + "-", total));
          httpRates.add(http(url, titles, "http" + round + "-", total, clients));
        }
        System.out.printf(
            Locale.ROOT,
            "%nlistings=%d batch=%d clients=%d rounds=%d producer batch.size=%d compression=%s%n",
            total,
            BATCH,
            clients,
            rounds,
            batchSize,
            compression);
        for (int r = 0; r < rounds; r++) {
          System.out.printf(
              Locale.ROOT,
              "round %d: direct %,.0f/s, HTTP %,.0f/s (%.0f %%)%n",
              r + 1,
              directRates.get(r),
              httpRates.get(r),
              100 * httpRates.get(r) / directRates.get(r));
        }
        double direct = median(directRates);
        double http = median(httpRates);
        System.out.printf(
            Locale.ROOT,
            "direct producer: %,.0f listings/s (median)%n"
                + "HTTP NDJSON:     %,.0f listings/s (median, %.0f %% of direct)%n",
            direct,
            http,
            100 * http / direct);
      } finally {
        ingest.destroy();
        ingest.waitFor();
      }
    }
  }

  private static double median(List<Double> values) {
    var sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String arg(String[] args, String name, String fallback) {
    for (String a : args) {
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return fallback;
  }

  private static String line(List<org.iprradar.detect.TaobaoTitle> titles, String run, int i) {
    var title = titles.get(i % titles.size()).title().replace("\\", "").replace("\"", "'");
    return String.format(
        Locale.ROOT,
        "{\"platform\":\"bench\",\"listingId\":\"%s-%d\",\"title\":\"%s\",\"price\":%d,"
            + "\"sellerId\":\"s-%d\",\"sellerRegion\":\"320602\",\"version\":1}",
        run,
        i,
        title,
        10 + i % 500,
        i % 997);
  }

  /**
   * A producer application's ceiling: the listings as objects, serialised by the topic's serde as
   * any producer of the topic must, sent with ingest's producer settings.
   */
  private static double direct(
      Map<String, Object> config,
      List<org.iprradar.detect.TaobaoTitle> titles,
      String run,
      int total)
      throws Exception {
    var listings = new ArrayList<Listing>(total);
    for (int i = 0; i < total; i++) {
      listings.add(Json.mapper().readValue(line(titles, run, i), Listing.class));
    }
    try (var producer =
        new KafkaProducer<>(
            config,
            Topics.LISTINGS.keySerde().serializer(),
            Topics.LISTINGS.valueSerde().serializer())) {
      var failed = new AtomicInteger();
      long start = System.nanoTime();
      for (Listing listing : listings) {
        producer.send(
            new ProducerRecord<>(DIRECT_TOPIC.name(), listing.key(), listing),
            (m, e) -> {
              if (e != null) {
                failed.incrementAndGet();
              }
            });
      }
      producer.flush();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (failed.get() > 0) {
        throw new IllegalStateException(failed.get() + " records failed");
      }
      System.out.printf(Locale.ROOT, "%s: %,d listings in %.2f s%n", run, total, seconds);
      return total / seconds;
    }
  }

  private static Process startIngest(
      Path jar, String bootstrap, Path dir, List<String> producerConfig) throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build ingest with ./mvnw package first");
    }
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(producerConfig);
    String extra = System.getProperty("ingestJvm", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.split(" ")));
    }
    // Throughput of the feed path, not of key checks: the benchmark's platform is its own, which no
    // demo key may write for, so it posts with security off.
    command.addAll(List.of("-jar", jar.toString(), "--micronaut.security.enabled=false"));
    var builder = new ProcessBuilder(command);
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    builder.environment().put("PORT", "0");
    builder.environment().put("IPR_DATA_DIR", dir.toString());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads ingest's log until it names its port. */
  private static String awaitIngest(Process ingest) throws IOException {
    var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      var m = java.util.regex.Pattern.compile("http://localhost:(\\d+)").matcher(line);
      if (m.find()) {
        String url = "http://localhost:" + m.group(1);
        // Keep draining the log so that the child never blocks on a full pipe.
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (reader.readLine() != null) {
                      // discard
                    }
                  } catch (IOException e) {
                    // the child ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return url;
      }
    }
    throw new IllegalStateException("ingest ended before it started its HTTP server");
  }

  private static double http(
      String url, List<org.iprradar.detect.TaobaoTitle> titles, String run, int total, int clients)
      throws Exception {
    var bodies = new ArrayList<byte[]>();
    for (int b = 0; b * BATCH < total; b++) {
      var body = new StringBuilder();
      for (int i = b * BATCH; i < Math.min(total, (b + 1) * BATCH); i++) {
        body.append(line(titles, run, i)).append('\n');
      }
      bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
    }
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var next = new AtomicInteger();
    // Daemon threads, shut down whatever happens: a failed pass ends the benchmark instead of
    // leaving the JVM waiting on idle client threads.
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients,
            r -> {
              var thread = new Thread(r, "bench-http-client");
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    var done = new ArrayList<CompletableFuture<Void>>();
    for (int c = 0; c < clients; c++) {
      done.add(
          CompletableFuture.runAsync(
              () -> {
                for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                  var request =
                      HttpRequest.newBuilder(URI.create(url + "/api/v1/listings"))
                          .header("Content-Type", "application/x-ndjson")
                          .header("X-Api-Key", DemoPartner.KEY)
                          .timeout(Duration.ofSeconds(60))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b)))
                          .build();
                  try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                      // The other clients stop at their next batch.
                      next.set(bodies.size());
                      throw new IllegalStateException(
                          "batch " + b + ": " + response.statusCode() + " " + response.body());
                    }
                  } catch (IOException e) {
                    next.set(bodies.size());
                    throw new java.io.UncheckedIOException(e);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              },
              pool));
    }
    try {
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %,d listings in %.2f s%n", run, total, seconds);
    return total / seconds;
  }
}
