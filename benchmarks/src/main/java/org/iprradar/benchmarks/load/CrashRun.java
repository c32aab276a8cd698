package org.iprradar.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.benchmarks.BenchmarkRules;
import org.iprradar.benchmarks.Options;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.standalone.EmbeddedKafkaBroker;

/**
 * The hard-kill fault run. Starts a broker, and detect and alerts each in a JVM of its own from
 * their runnable jars; produces listings at a steady rate and, at random moments during and after
 * that, kills detect or alerts with {@code SIGKILL} and starts it again on the same state folder.
 * When the last instances have caught up, it checks from the committed topics that every listing
 * has exactly one assessment, every lead assessment exactly one lead, and every lead exactly one
 * alert version holding its listing (one fold into one alert). Throws {@link AssertionError} with
 * the counts otherwise; {@link #main} exits 1.
 *
 * <p>Options ({@code --name=value}): {@code listings} (100000), {@code rate} (listings a second,
 * 2000), {@code kills} (6), {@code rules} (10000), {@code seed} (random, printed), {@code data-dir}
 * (emptied first), {@code detect-jar}, {@code alerts-jar}, {@code titles}, {@code timeout} (minutes
 * to wait for the catch-up, 20).
 */
public final class CrashRun {

  private static final int PARTITIONS = 3;

  private CrashRun() {}

  public static void main(String[] args) throws Exception {
    try {
      run(Options.parse(args));
      System.exit(0);
    } catch (AssertionError e) {
      System.err.println("FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The outcome of a run that passed. */
  public record Report(
      long listings, long leads, long alerts, long detectStarts, long alertsStarts) {}

  public static Report run(Map<String, String> options) throws Exception {
    int listings = Integer.parseInt(options.getOrDefault("listings", "100000"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
    int kills = Integer.parseInt(options.getOrDefault("kills", "6"));
    long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
    Path dir = Path.of(options.getOrDefault("data-dir", "target/crash-data"));
    Path detectJar =
        Path.of(options.getOrDefault("detect-jar", "detect/target/ipr-radar-detect.jar"));
    Path alertsJar =
        Path.of(options.getOrDefault("alerts-jar", "alerts/target/ipr-radar-alerts.jar"));
    Duration timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout", "20")));
    List<TaobaoTitle> titles =
        TaobaoTitle.read(Path.of(options.getOrDefault("titles", TaobaoTitle.FROM_ROOT.toString())));
    log(
        "seed "
            + seed
            + " (replay with --seed="
            + seed
            + "), "
            + listings
            + " listings at "
            + rate
            + "/s, "
            + kills
            + " kills");
    var random = new Random(seed);
    LoadRun.deleteRecursively(dir);

    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, PARTITIONS)) {
      var kafka = new KafkaSettings(broker.bootstrapServers(), PARTITIONS, (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);
      LoadRun.writeRules(
          kafka,
          BenchmarkRules.of(
              Integer.parseInt(options.getOrDefault("rules", "10000")), titles, seed));
      List<String> common =
          List.of(
              "--kafka.bootstrap-servers=" + broker.bootstrapServers(),
              "--ipr.kafka.partitions=" + PARTITIONS,
              "--micronaut.server.port=-1");
      var detect = child("detect", detectJar, dir, common);
      var alerts = child("alerts", alertsJar, dir, common);
      detect.start();
      alerts.start();
      try {
        // Kill moments spread over the production and a while after it, when the apps catch up.
        long produceNanos = TimeUnit.SECONDS.toNanos(Math.max(1, listings / rate));
        long window = produceNanos + TimeUnit.SECONDS.toNanos(20);
        var moments = new ArrayList<Long>();
        for (int i = 0; i < kills; i++) {
          moments.add(TimeUnit.SECONDS.toNanos(3) + (long) (random.nextDouble() * window));
        }
        Collections.sort(moments);
        var killer = new Thread(() -> killAt(moments, List.of(detect, alerts), random), "killer");
        long start = System.nanoTime();
        killer.start();
        produce(kafka, titles, listings, rate, seed, start, detect, alerts);
        log("produced " + listings + " listings");
        killer.join();
        var seen = awaitAll(kafka, listings, timeout, detect, alerts);
        detect.stop();
        alerts.stop();
        // Everything committed is now final: read it all once more, to the end.
        seen = awaitAll(kafka, listings, Duration.ofMinutes(2), null, null);
        var report = seen.check(listings, detect.starts(), alerts.starts());
        log("passed: " + report);
        return report;
      } finally {
        detect.stop();
        alerts.stop();
      }
    }
  }

  private static ChildApp child(String name, Path jar, Path dir, List<String> common) {
    var args = new ArrayList<>(common);
    args.add("--ipr.data-dir=" + dir.resolve(name).toAbsolutePath());
    return new ChildApp(name, jar, dir.resolve(name + ".log"), args);
  }

  private static void killAt(List<Long> moments, List<ChildApp> apps, Random random) {
    long start = System.nanoTime();
    try {
      for (long at : moments) {
        long wait;
        while ((wait = start + at - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        ChildApp app = apps.get(random.nextInt(apps.size()));
        log(
            "kill -9 "
                + app.name()
                + " at "
                + TimeUnit.NANOSECONDS.toMillis(at)
                + " ms; restarting it");
        app.kill();
        app.start();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not kill or restart", e);
    }
  }

  private static void produce(
      KafkaSettings kafka,
      List<TaobaoTitle> titles,
      int listings,
      int rate,
      long seed,
      long start,
      ChildApp... apps)
      throws Exception {
    var source = new ListingSource(titles, "crash", 300, seed);
    var failed = new AtomicReference<Exception>();
    var mapper = Json.mapper();
    try (var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("crash-run"),
            Topics.LISTINGS.keySerde().serializer(),
            Topics.LISTINGS.valueSerde().serializer())) {
      for (int n = 0; n < listings; n++) {
        if (n % 100 == 0) {
          long wait;
          while ((wait = start + (long) n * 1_000_000_000L / rate - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        Listing listing = mapper.readValue(source.line(n), Listing.class);
        producer.send(
            new ProducerRecord<>(Topics.LISTINGS.name(), listing.key(), listing),
            (metadata, error) -> {
              if (error != null) {
                failed.compareAndSet(null, error);
              }
            });
      }
      // Every listing must be in Kafka before the checks count it.
      producer.flush();
      if (failed.get() != null) {
        throw new IllegalStateException("a listing was not written to Kafka", failed.get());
      }
    }
  }

  /** What the committed topics hold, read from the beginning. */
  private static final class Seen {
    final Map<String, Integer> assessments = new HashMap<>();
    final List<String> leadAssessments = new ArrayList<>();
    final Map<String, Integer> leadsPerListing = new HashMap<>();
    final Map<String, Integer> leadsPerAlert = new HashMap<>();
    final Map<String, Integer> versionsPerAlert = new HashMap<>();
    final Set<String> listingsInAlerts = new HashSet<>();
    long leads;
    long versions;

    void add(ConsumerRecord<String, byte[]> record) {
      String topic = record.topic();
      if (topic.equals(Topics.ASSESSMENTS.name())) {
        Assessment a =
            Topics.ASSESSMENTS.valueSerde().deserializer().deserialize(topic, record.value());
        assessments.merge(a.listingKey(), 1, Integer::sum);
        if (a.lead()) {
          leadAssessments.add(a.listingKey());
        }
      } else if (topic.equals(Topics.LEADS.name())) {
        Lead lead = Topics.LEADS.valueSerde().deserializer().deserialize(topic, record.value());
        leads++;
        leadsPerListing.merge(lead.assessment().listingKey(), 1, Integer::sum);
        leadsPerAlert.merge(record.key(), 1, Integer::sum);
      } else {
        Alert alert =
            Topics.ALERT_DELIVERIES.valueSerde().deserializer().deserialize(topic, record.value());
        versions++;
        versionsPerAlert.merge(alert.id(), 1, Integer::sum);
        // Newest first: the version a lead makes holds that lead's listing first.
        if (!alert.listings().isEmpty()) {
          listingsInAlerts.add(alert.listings().get(0).listingKey());
        }
      }
    }

    boolean complete(int listings) {
      return assessments.size() >= listings && leads >= leadAssessments.size() && versions >= leads;
    }

    Report check(int listings, long detectStarts, long alertsStarts) {
      var problems = new ArrayList<String>();
      if (assessments.size() != listings) {
        problems.add(assessments.size() + " of " + listings + " listings have an assessment");
      }
      var twice =
          assessments.entrySet().stream()
              .filter(e -> e.getValue() > 1)
              .map(Map.Entry::getKey)
              .limit(5)
              .toList();
      if (!twice.isEmpty()) {
        problems.add("listings assessed more than once, among them " + twice);
      }
      var leadListings = new HashMap<String, Integer>();
      leadAssessments.forEach(k -> leadListings.merge(k, 1, Integer::sum));
      if (!leadListings.equals(leadsPerListing)) {
        problems.add(
            leadAssessments.size()
                + " lead assessments but "
                + leads
                + " leads, or not the same listings");
      }
      if (!leadsPerAlert.equals(versionsPerAlert)) {
        var differ =
            leadsPerAlert.keySet().stream()
                .filter(k -> !leadsPerAlert.get(k).equals(versionsPerAlert.get(k)))
                .limit(5)
                .map(
                    k ->
                        k
                            + ": "
                            + leadsPerAlert.get(k)
                            + " leads, "
                            + versionsPerAlert.get(k)
                            + " alert versions")
                .toList();
        problems.add(leads + " leads but " + versions + " alert versions; " + differ);
      }
      var unseen =
          leadsPerListing.keySet().stream()
              .filter(k -> !listingsInAlerts.contains(k))
              .limit(5)
              .toList();
      if (!unseen.isEmpty()) {
        problems.add("leads whose alert version was not made, among them " + unseen);
      }
      if (leads == 0) {
        problems.add("no leads at all: the run proves nothing about alerts");
      }
      if (!problems.isEmpty()) {
        throw new AssertionError(String.join("; ", problems));
      }
      return new Report(listings, leads, versionsPerAlert.size(), detectStarts, alertsStarts);
    }
  }

  /**
   * Reads assessments, leads and alert versions (read_committed) from the beginning until every
   * listing is assessed and every lead folded, or the timeout; with apps, fails fast if one died.
   */
  private static Seen awaitAll(
      KafkaSettings kafka, int listings, Duration timeout, ChildApp detect, ChildApp alerts) {
    var config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    var seen = new Seen();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions = new ArrayList<TopicPartition>();
      for (var topic : List.of(Topics.ASSESSMENTS, Topics.LEADS, Topics.ALERT_DELIVERIES)) {
        for (int p = 0; p < PARTITIONS; p++) {
          partitions.add(new TopicPartition(topic.name(), p));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      long lastLog = System.nanoTime();
      Map<TopicPartition, Long> ends = null;
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        if (detect != null) {
          detect.checkAlive();
          alerts.checkAlive();
          if (seen.complete(listings)) {
            return seen;
          }
        } else {
          // The apps are stopped: read to the end offsets, so that a duplicate is seen too.
          if (ends == null) {
            ends = consumer.endOffsets(partitions);
          }
          var finalEnds = ends;
          if (partitions.stream().allMatch(tp -> consumer.position(tp) >= finalEnds.get(tp))) {
            return seen;
          }
        }
        if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(10)) {
          lastLog = System.nanoTime();
          log(
              seen.assessments.size()
                  + " listings assessed, "
                  + seen.leads
                  + " leads, "
                  + seen.versions
                  + " alert versions");
        }
      }
    }
    throw new AssertionError(
        "timed out after "
            + timeout
            + ": "
            + seen.assessments.size()
            + " of "
            + listings
            + " listings assessed, "
            + seen.leads
            + " leads, "
            + seen.versions
            + " alert versions");
  }

  private static void log(String message) {
    System.out.println("[crash " + Instant.now() + "] " + message);
  }
}
