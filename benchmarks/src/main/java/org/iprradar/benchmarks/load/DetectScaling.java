package org.iprradar.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.iprradar.benchmarks.BenchmarkRules;
import org.iprradar.benchmarks.Options;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.topology.DetectTopology;
import org.iprradar.standalone.EmbeddedKafkaBroker;

/**
 * How detect's throughput grows with partitions, stream threads and instances. For each layout
 * ({@code partitions:threads:instances}) it starts a fresh in-process broker whose topics have that
 * many partitions, writes the listings to {@code listings} first, then starts that many detect
 * Streams applications (same application id, each with its own state folder and that many stream
 * threads) with the benchmark's rules and counts the committed assessments. The rate is taken from
 * the first assessment to the last, so start-up and the first rebalance are not in it.
 *
 * <p>Options ({@code --name=value}): {@code layouts} (default {@code
 * 1:1:1,3:1:1,6:1:1,3:2:1,6:2:1,6:1:2}), {@code listings} per layout (40,000), {@code rules}
 * (10,000), {@code data-dir}, {@code titles}.
 */
public final class DetectScaling {

  private static final ObjectMapper JSON = Json.mapper();

  private DetectScaling() {}

  /** One layout: how many partitions, threads per instance and instances. */
  record Layout(int partitions, int threads, int instances) {
    static Layout parse(String text) {
      String[] parts = text.strip().split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "a layout is partitions:threads:instances, such as 6:2:1, not " + text);
      }
      return new Layout(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    String name() {
      return partitions + "p-" + threads + "t-" + instances + "i";
    }
  }

  /**
   * What one layout measured between the first and the last assessment.
   *
   * @param rate listings a second, wall clock
   * @param streamCpuMicros CPU time of detect's stream threads per listing
   * @param processCpuMicros CPU time of the whole JVM (broker, detect, the counting consumer) per
   *     listing
   */
  record Result(double rate, double streamCpuMicros, double processCpuMicros) {}

  /** The clocks at one moment. */
  private record Snapshot(long wall, long processCpu, long streamCpu) {
    static Snapshot now() {
      var threads = ManagementFactory.getThreadMXBean();
      long stream = 0;
      for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
        // Detect's stream threads are named <client id>-StreamThread-<n>.
        if (info != null && info.getThreadName().contains("-StreamThread-")) {
          long cpu = threads.getThreadCpuTime(info.getThreadId());
          stream += Math.max(cpu, 0);
        }
      }
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), stream);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    var titles =
        TaobaoTitle.read(Path.of(options.getOrDefault("titles", TaobaoTitle.FROM_ROOT.toString())));
    int listings = Integer.parseInt(options.getOrDefault("listings", "40000"));
    int ruleCount = Integer.parseInt(options.getOrDefault("rules", "10000"));
    Path dir = Path.of(options.getOrDefault("data-dir", "target/scaling-data"));
    var layouts = new ArrayList<Layout>();
    for (String layout :
        options.getOrDefault("layouts", "1:1:1,3:1:1,6:1:1,3:2:1,6:2:1,6:1:2").split(",")) {
      layouts.add(Layout.parse(layout));
    }
    var book = new RuleBook(new ListingAnalyzer(), 0.0, Presearcher.TERM_FILTERED);
    BenchmarkRules.of(ruleCount, titles, 20261129L).forEach(book::putRule);
    book.publish();

    var rows = new ArrayList<String>();
    for (Layout layout : layouts) {
      LoadRun.deleteRecursively(dir.resolve(layout.name()));
      System.out.printf(Locale.ROOT, "%s: CPUs %d, load %s%n", layout.name(), cpus(), load());
      Result result = run(layout, dir.resolve(layout.name()), book, titles, listings);
      String row =
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | %,.0f | %.0f | %.0f | %s |",
              layout.partitions(),
              layout.threads(),
              layout.instances(),
              result.rate(),
              result.streamCpuMicros(),
              result.processCpuMicros(),
              load());
      rows.add(row);
      System.out.println(layout.name() + ": " + row);
    }
    System.out.println();
    System.out.println(
        "| partitions | threads per instance | instances | listings/s | stream-thread CPU µs"
            + " per listing | JVM CPU µs per listing | load after |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static Result run(
      Layout layout, Path dir, RuleBook book, List<TaobaoTitle> titles, int listings)
      throws Exception {
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, layout.partitions())) {
      var kafka =
          new KafkaSettings(broker.bootstrapServers(), layout.partitions(), (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);
      write(kafka, titles, layout.name(), listings);
      var apps = new ArrayList<StreamsApp>();
      try {
        for (int i = 0; i < layout.instances(); i++) {
          var perInstance =
              new KafkaSettings(
                  broker.bootstrapServers(),
                  layout.partitions(),
                  (short) 1,
                  Map.of(
                      StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                      String.valueOf(layout.threads()),
                      "consumer." + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                      "earliest"));
          apps.add(
              StreamsApp.create(
                  DetectTopology.APPLICATION_ID,
                  DetectTopology.build(
                      book, new Scorer(ScoringSettings.DEFAULTS), Clock.systemUTC()),
                  perInstance,
                  dir.resolve("detect-" + i),
                  null));
        }
        apps.forEach(StreamsApp::start);
        return count(kafka, listings);
      } finally {
        for (StreamsApp app : apps) {
          app.close();
        }
      }
    }
  }

  /** All the listings, written before detect starts: detect then runs as fast as it can. */
  private static void write(KafkaSettings kafka, List<TaobaoTitle> titles, String run, int total)
      throws Exception {
    var source = new ListingSource(titles, run, 5_000, 42);
    var failed = new AtomicInteger();
    try (var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("scaling-listings"),
            Topics.LISTINGS.keySerde().serializer(),
            Topics.LISTINGS.valueSerde().serializer())) {
      for (int i = 0; i < total; i++) {
        long number = source.nextNumber();
        Listing listing = JSON.readValue(source.line(number), Listing.class);
        producer.send(
            new ProducerRecord<>(Topics.LISTINGS.name(), listing.key(), listing),
            (metadata, e) -> {
              if (e != null) {
                failed.incrementAndGet();
              }
            });
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " listings were not written");
    }
  }

  /** Rate and CPU from the first committed assessment to the {@code total}-th. */
  private static Result count(KafkaSettings kafka, int total) {
    var config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.ASSESSMENTS.name()).stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      Snapshot first = null;
      int atFirst = 0;
      int seen = 0;
      while (seen < total) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "only " + seen + " of " + total + " assessments within 15 minutes");
        }
        int polled = consumer.poll(Duration.ofMillis(50)).count();
        if (polled > 0 && first == null) {
          first = Snapshot.now();
          atFirst = polled;
        }
        seen += polled;
      }
      Snapshot last = Snapshot.now();
      double counted = seen - atFirst;
      return new Result(
          counted / ((last.wall() - first.wall()) / 1e9),
          (last.streamCpu() - first.streamCpu()) / 1e3 / counted,
          (last.processCpu() - first.processCpu()) / 1e3 / counted);
    }
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
