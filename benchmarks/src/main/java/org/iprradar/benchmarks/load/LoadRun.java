package org.iprradar.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.benchmarks.BenchmarkRules;
import org.iprradar.benchmarks.Options;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ComplaintSource;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.detect.app.DetectService;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.standalone.EmbeddedKafkaBroker;
import org.iprradar.standalone.Standalone;

/**
 * The end-to-end benchmark. Starts the embedded default (an in-process broker, ingest, detect and
 * alerts on one HTTP port) with 10,000 active rules, posts listings over HTTP at each target rate
 * in turn, and reports the rate achieved and the latency from the 202 to the assessment and to the
 * alert. Then it pauses detect and alerts and runs the same rates through a pass-through topology
 * over the same kind of records: the ceiling of this machine. Prints one table row per step and
 * exits non-zero when no step of the pipeline was sustained.
 *
 * <p>Options ({@code --name=value}): {@code rates} (comma-separated, listings a second, ascending),
 * {@code seconds} per step, {@code warmup} seconds, {@code rules}, {@code batch} (listings per
 * request), {@code in-flight} (requests at most), {@code data-dir} (emptied first), {@code phases}
 * ({@code pipeline,pass-through} by default; {@code detect} adds the pipeline with alerts paused,
 * between the two), {@code titles} (the titles file).
 */
public final class LoadRun {

  private static final ObjectMapper JSON = Json.mapper();
  private static final int PARTITIONS = 3;

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(4))
          .build();
  private final List<TaobaoTitle> titles;
  private final int batch;
  private final int seconds;
  private final int warmup;
  private final Semaphore inFlight;
  private final int maxInFlight;
  private KafkaProducer<String, Complaint> complaints;
  private URI listingsUri;

  private LoadRun(Map<String, String> options) {
    this.options = options;
    this.titles =
        TaobaoTitle.read(Path.of(options.getOrDefault("titles", TaobaoTitle.FROM_ROOT.toString())));
    this.batch = Integer.parseInt(options.getOrDefault("batch", "100"));
    this.seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    this.warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
    this.maxInFlight = Integer.parseInt(options.getOrDefault("in-flight", "32"));
    this.inFlight = new Semaphore(maxInFlight);
  }

  public static void main(String[] args) throws Exception {
    boolean sustained = new LoadRun(Options.parse(args)).run();
    System.exit(sustained ? 0 : 1);
  }

  private boolean run() throws Exception {
    int[] rates =
        Arrays.stream(
                options
                    .getOrDefault("rates", "1000,2000,3000,4000,5000,6000,8000,10000,12000,16000")
                    .split(","))
            .mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray();
    List<String> phases =
        List.of(options.getOrDefault("phases", "pipeline,pass-through").split(","));
    int ruleCount = Integer.parseInt(options.getOrDefault("rules", "10000"));
    Path dir = Path.of(options.getOrDefault("data-dir", "target/load-data"));
    deleteRecursively(dir);
    log("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, load " + load());

    var results = new ArrayList<StepResult>();
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, PARTITIONS)) {
      var kafka = new KafkaSettings(broker.bootstrapServers(), PARTITIONS, (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);
      TopicProvisioner.ensure(kafka, List.of(PassThroughTopology.OUTPUT));
      writeRules(kafka, BenchmarkRules.of(ruleCount, titles, 20261129L));
      complaints =
          new KafkaProducer<>(
              kafka.durableProducerConfig("load-complaints"),
              Topics.COMPLAINTS.keySerde().serializer(),
              Topics.COMPLAINTS.valueSerde().serializer());
      Map<String, Object> properties = new HashMap<>();
      properties.put("kafka.bootstrap-servers", broker.bootstrapServers());
      properties.put("ipr.data-dir", dir.toString());
      properties.put("micronaut.server.port", -1);
      // Latency of the pipeline, not of key checks: the load posts with security off.
      properties.put("micronaut.security.enabled", false);
      properties.put("ipr.detect.feed-catch-up-timeout", "5m");
      try (var system = Standalone.start(properties)) {
        listingsUri = URI.create(system.url() + "/api/v1/listings");
        log("system up at " + system.url() + " with " + ruleCount + " rules");
        if (phases.contains("pipeline")) {
          results.addAll(phase("pipeline", kafka, Topics.ASSESSMENTS.name(), true, rates));
        }
        if (phases.contains("detect")) {
          // The pipeline without alerts: where its ceiling lies when alerts cost nothing.
          system.context().getBean(AlertsService.class).streamsApp().streams().pause();
          results.addAll(phase("detect", kafka, Topics.ASSESSMENTS.name(), false, rates));
        }
        if (phases.contains("pass-through")) {
          // Detect and alerts stop taking records, so that the pass-through has the CPUs the
          // pipeline had; ingest keeps answering.
          system.context().getBean(DetectService.class).streamsApp().streams().pause();
          system.context().getBean(AlertsService.class).streamsApp().streams().pause();
          var passThrough =
              StreamsApp.create(
                  PassThroughTopology.APPLICATION_ID,
                  PassThroughTopology.build(),
                  new KafkaSettings(
                      broker.bootstrapServers(),
                      PARTITIONS,
                      (short) 1,
                      Map.of("consumer.auto.offset.reset", "latest")),
                  dir.resolve("pass-through"),
                  null);
          try (passThrough) {
            passThrough.start();
            awaitRunning(passThrough.streams());
            results.addAll(
                phase("pass-through", kafka, PassThroughTopology.OUTPUT.name(), false, rates));
          }
        }
      } finally {
        complaints.close(Duration.ofSeconds(10));
      }
    }
    System.out.println();
    System.out.println(StepResult.header());
    results.forEach(r -> System.out.println(r.row()));
    System.out.println();
    double pipeline = best(results, "pipeline");
    double ceiling = best(results, "pass-through");
    System.out.printf(
        "Highest sustained rate: pipeline %,.0f/s, pass-through %,.0f/s, ratio %.2f%n",
        pipeline, ceiling, ceiling > 0 ? pipeline / ceiling : Double.NaN);
    return pipeline > 0;
  }

  private static double best(List<StepResult> results, String phase) {
    return results.stream()
        .filter(r -> r.phase().equals(phase) && r.sustained())
        .mapToDouble(StepResult::target)
        .max()
        .orElse(0);
  }

  /** A warm-up, then each rate until one saturates the machine. */
  private List<StepResult> phase(
      String name, KafkaSettings kafka, String outputTopic, boolean withAlerts, int[] rates)
      throws Exception {
    long capacity = (long) warmup * rates[0] + batch;
    for (int rate : rates) {
      capacity += (long) rate * seconds + batch;
    }
    var source = new ListingSource(titles, name, 5_000, 42);
    var results = new ArrayList<StepResult>();
    try (var watcher =
        new LatencyWatcher(
            kafka, outputTopic, withAlerts, "taobao:" + name + "-", Math.toIntExact(capacity))) {
      var accepted = new AtomicLongArray(Math.toIntExact(capacity));
      log(name + ": warm-up " + warmup + " s at " + rates[0] + "/s");
      step(name, rates[0], warmup, source, accepted, watcher);
      int failedInARow = 0;
      for (int rate : rates) {
        log(name + ": " + rate + "/s for " + seconds + " s");
        StepResult result = step(name, rate, seconds, source, accepted, watcher);
        log(StepResult.header().lines().findFirst().orElseThrow() + "\n" + result.row());
        results.add(result);
        // A step that could not even take 90 % of its rate saturated the machine, and so do two
        // missed steps in a row: higher rates would only say so again. One step that missed on
        // latency alone may be noise on a shared machine; go on.
        failedInARow = result.sustained() ? 0 : failedInARow + 1;
        if (result.achieved() < 0.9 * rate || failedInARow == 2) {
          break;
        }
      }
      if (watcher.duplicates() > 0) {
        log(name + ": " + watcher.duplicates() + " listings had more than one output");
      }
    }
    return results;
  }

  private StepResult step(
      String phase,
      int rate,
      int stepSeconds,
      ListingSource source,
      AtomicLongArray accepted,
      LatencyWatcher watcher)
      throws Exception {
    int batches = Math.max(1, (int) ((long) rate * stepSeconds / batch));
    long interval = TimeUnit.SECONDS.toNanos(batch) / rate;
    int first = (int) source.nextNumber();
    var acceptedCount = new AtomicLong();
    var rejected = new AtomicLong();
    var lastAnswer = new AtomicLong();
    long start = System.nanoTime();
    int end = first;
    for (int b = 0; b < batches; b++) {
      long due = start + b * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      int from = b == 0 ? first : (int) source.nextNumber();
      var body = new ByteArrayOutputStream(batch * 300);
      for (int i = 0; i < batch; i++) {
        int n = i == 0 ? from : (int) source.nextNumber();
        body.write(source.line(n));
        body.write('\n');
      }
      int to = from + batch;
      end = to;
      var request =
          HttpRequest.newBuilder(listingsUri)
              .header("Content-Type", "application/x-ndjson")
              // The embedded default's documented partner key: the load writes taobao listings.
              .header("X-Api-Key", DemoPartner.KEY)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, error) -> {
                long now = System.nanoTime();
                try {
                  if (error == null && response.statusCode() == 202) {
                    int taken = JSON.readTree(response.body()).path("accepted").asInt();
                    for (int n = from; n < to; n++) {
                      accepted.set(n, now);
                    }
                    acceptedCount.addAndGet(taken);
                    rejected.addAndGet(batch - taken);
                    complain(source.key(from));
                  } else {
                    rejected.addAndGet(batch);
                  }
                } catch (IOException | RuntimeException e) {
                  rejected.addAndGet(batch);
                } finally {
                  lastAnswer.accumulateAndGet(now, Math::max);
                  inFlight.release();
                }
              });
    }
    // Every answer in.
    inFlight.acquire(maxInFlight);
    inFlight.release(maxInFlight);
    double elapsed = (lastAnswer.get() - start) / 1e9;
    double achieved = acceptedCount.get() / Math.max(elapsed, 1e-9);
    String loadAfterSending = load();

    // Drain: every accepted listing processed, every lead in an alert, or the deadline.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long missing;
    long leadsWithoutAlert;
    long leads;
    do {
      Thread.sleep(200);
      missing = 0;
      leadsWithoutAlert = 0;
      leads = 0;
      for (int n = first; n < end; n++) {
        if (accepted.get(n) == 0) {
          continue;
        }
        if (watcher.output(n) == 0) {
          missing++;
        }
        if (watcher.lead(n) != 0) {
          leads++;
          if (watcher.alert(n) == 0) {
            leadsWithoutAlert++;
          }
        }
      }
    } while ((missing > 0 || leadsWithoutAlert > 0) && System.nanoTime() < deadline);

    var toOutput = new Percentiles();
    var toAlert = new Percentiles();
    for (int n = first; n < end; n++) {
      long at = accepted.get(n);
      if (at == 0) {
        continue;
      }
      // An output seen before the 202 was read counts as 0: the record was processed already.
      if (watcher.output(n) != 0) {
        toOutput.add(Math.max(0, watcher.output(n) - at));
      }
      if (watcher.alert(n) != 0) {
        toAlert.add(Math.max(0, watcher.alert(n) - at));
      }
    }
    return new StepResult(
        phase,
        rate,
        achieved,
        acceptedCount.get(),
        rejected.get(),
        missing,
        leads,
        leadsWithoutAlert,
        toOutput,
        toAlert,
        loadAfterSending);
  }

  /** A rights holder's complaint about one listing of every accepted request. */
  private void complain(String listingKey) {
    String listingId = listingKey.substring(listingKey.indexOf(':') + 1);
    var complaint =
        new Complaint(
            "taobao",
            "c-" + listingId,
            ComplaintSource.RIGHTS_HOLDER,
            listingId,
            null,
            null,
            "疑似假冒",
            List.of(),
            Instant.now());
    complaints.send(new ProducerRecord<>(Topics.COMPLAINTS.name(), complaint.key(), complaint));
  }

  static void writeRules(KafkaSettings kafka, List<Rule> rules) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("load-rules"),
            Topics.RULES.keySerde().serializer(),
            Topics.RULES.valueSerde().serializer())) {
      for (Rule rule : rules) {
        producer.send(new ProducerRecord<>(Topics.RULES.name(), rule.id(), rule));
      }
      producer.flush();
    }
  }

  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the pass-through did not start: " + streams.state());
      }
      Thread.sleep(100);
    }
  }

  /** The one-minute load average, to say how busy the shared machine was. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void log(String message) {
    System.out.println("[load " + Instant.now() + "] " + message);
  }
}
