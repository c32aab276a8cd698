package org.iprradar.benchmarks.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.benchmarks.Options;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.app.DetectService;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.standalone.Standalone;

/**
 * The bad-input fuzz run, against the embedded default it starts. Over HTTP: the seed bodies of
 * {@code fuzz/http/} unchanged and mutated ({@link Mutator}), NDJSON with broken lines among good
 * ones, random content types, triage actions and alert queries with spoilt parameters; every answer
 * must be below 500, an error must be the JSON error body, and every record of a 202 or 400 must
 * have its own result, a rejected one with its reasons. Over Kafka: values that cannot be a record
 * of the topic (garbage bytes, cut-off JSON, wrong JSON types, invalid UTF-8, deep nesting) on
 * every input topic, each of which must turn up on the dead-letter topic with its source topic.
 * Throughout, no stream thread of detect or alerts may die.
 *
 * <p>Options ({@code --name=value}): {@code cases} (HTTP requests, 2000), {@code records} (bad
 * records per topic, 50), {@code seed} (random, printed), {@code data-dir} (emptied first).
 */
public final class FuzzRun {

  private static final ObjectMapper JSON = Json.mapper();
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/x-ndjson",
          "application/json; charset=utf-8",
          "text/plain",
          "application/xml",
          "application/octet-stream",
          "");

  /**
   * The topics the pipeline reads from outside: a bad value on any must be dead-lettered. Not
   * alert-deliveries: only the webhook worker reads it, and it is off unless a bureau has a
   * webhook.
   */
  static final List<String> INPUT_TOPICS =
      List.of(
          Topics.LISTINGS.name(),
          Topics.COMPLAINTS.name(),
          Topics.RULES.name(),
          Topics.BRANDS.name(),
          Topics.SCORING_SETTINGS.name(),
          Topics.SELLER_RECORDS.name(),
          Topics.TRIAGE_ACTIONS.name(),
          Topics.LEADS.name(),
          Topics.ALERT_DELIVERY_OUTCOMES.name());

  private final Random random;
  private final Mutator mutator;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final FuzzReport report = new FuzzReport();
  private final String base;
  private int lastStatus;

  private FuzzRun(String base, long seed) {
    this.base = base;
    this.random = new Random(seed);
    this.mutator = new Mutator(random);
  }

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    List<String> failures = run(options);
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  /** Runs the fuzz and returns its failures, empty when it passed. */
  public static List<String> run(Map<String, String> options) throws Exception {
    int cases = Integer.parseInt(options.getOrDefault("cases", "2000"));
    int records = Integer.parseInt(options.getOrDefault("records", "50"));
    long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
    Path dir = Path.of(options.getOrDefault("data-dir", "target/fuzz-data"));
    deleteRecursively(dir);
    log(
        "seed "
            + seed
            + " (replay with --seed="
            + seed
            + "), "
            + cases
            + " requests, "
            + records
            + " records a topic");
    Map<String, Object> properties = new HashMap<>();
    properties.put("ipr.data-dir", dir.toString());
    properties.put("micronaut.server.port", -1);
    // The fuzzer probes what the validators and the pipeline do with bad input; with tokens on it
    // would only ever meet the 401 of the security filter.
    properties.put("micronaut.security.enabled", false);
    try (var system = Standalone.start(properties)) {
      var detect = system.context().getBean(DetectService.class).streamsApp().streams();
      var alerts = system.context().getBean(AlertsService.class).streamsApp().streams();
      awaitRunning(detect);
      awaitRunning(alerts);
      Set<String> threadsBefore = threads(detect, alerts);
      var run = new FuzzRun(system.url(), seed);
      run.http(cases);
      var kafka = new KafkaSettings(system.bootstrapServers(), 3, (short) 1, null);
      run.topics(kafka, records);
      // A thread that died and was replaced has a new name; one that died for good is missing.
      Set<String> threadsAfter = threads(detect, alerts);
      if (!threadsAfter.equals(threadsBefore)) {
        run.report.fail(
            "stream threads changed from "
                + threadsBefore
                + " to "
                + threadsAfter
                + ": a thread died");
      }
      for (var streams : List.of(detect, alerts)) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
          run.report.fail("a streams application is " + streams.state() + ", not RUNNING");
        }
      }
      log(run.report.toString());
      run.report.failures().forEach(f -> log("FAILURE " + f));
      return run.report.failures();
    }
  }

  private void http(int cases) throws Exception {
    List<byte[]> json = seeds("fuzz/http/", ".json");
    List<byte[]> ndjson = seeds("fuzz/http/", ".ndjson");
    for (int i = 0; i < cases; i++) {
      int kind = random.nextInt(10);
      if (i < json.size() + ndjson.size()) {
        // Every seed once as it is: the harness must see a good body accepted too.
        boolean isJson = i < json.size();
        byte[] seed = isJson ? json.get(i) : ndjson.get(i - json.size());
        postListings(seed, isJson ? "application/json" : "application/x-ndjson", "seed " + i);
      } else if (kind < 5) {
        byte[] seed = json.get(random.nextInt(json.size()));
        postListings(mutator.any(seed), pick(CONTENT_TYPES), "mutated json");
      } else if (kind < 8) {
        postListings(brokenNdjson(ndjson), "application/x-ndjson", "broken ndjson");
      } else if (kind < 9) {
        byte[] seed = json.get(random.nextInt(json.size()));
        postAction(mutator.any(seed));
      } else {
        queryAlerts();
      }
    }
  }

  /** Good lines and spoilt ones, blank lines, a line with no end: one result per record. */
  private byte[] brokenNdjson(List<byte[]> seeds) {
    var out = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      String[] lines = new String(seed, StandardCharsets.UTF_8).split("\n");
      String line = lines[random.nextInt(lines.length)];
      switch (random.nextInt(4)) {
        case 0 ->
            out.append(
                new String(
                    mutator.any(line.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.ISO_8859_1));
        case 1 -> out.append("\r\n");
        default -> out.append(line);
      }
      out.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void postListings(byte[] body, String contentType, String what) throws Exception {
    var response = send(post("/api/v1/listings", body, contentType), what, body);
    if (response == null) {
      return;
    }
    int status = response.statusCode();
    JsonNode answer = parse(response, what, body);
    if (answer == null) {
      return;
    }
    if (answer.has("results")) {
      int accepted = answer.path("accepted").asInt(-1);
      int rejected = answer.path("rejected").asInt(-1);
      // A listing version already kept is answered "duplicate": neither accepted nor rejected.
      int duplicates = answer.path("duplicates").asInt(0);
      JsonNode results = answer.path("results");
      if (accepted < 0 || rejected < 0 || results.size() != accepted + duplicates + rejected) {
        report.fail(
            what
                + ": results do not add up to accepted + duplicates + rejected: "
                + abbreviate(answer.toString()));
      }
      if ((status == 202) != (accepted > 0)) {
        report.fail(what + ": status " + status + " with " + accepted + " accepted");
      }
      for (JsonNode result : results) {
        if (result.path("status").asText().equals("rejected") && result.path("errors").isEmpty()) {
          report.fail(what + ": a rejected record without a reason: " + result);
        }
      }
    } else if (status == 202) {
      report.fail(what + ": 202 without per-record results");
    }
  }

  private void postAction(byte[] body) throws Exception {
    String id = random.nextBoolean() ? "taobao:tb_42:COUNTERFEIT_TRADEMARK" : randomPathSegment();
    var response =
        send(post("/api/v1/alerts/" + id + "/actions", body, pick(CONTENT_TYPES)), "action", body);
    if (response != null) {
      parse(response, "action", body);
    }
  }

  private void queryAlerts() throws Exception {
    String[] names = {
      "offset",
      "limit",
      "sort",
      "bureau",
      "region",
      "status",
      "type",
      "minScore",
      "text",
      "category",
      "assignee",
      "unassigned"
    };
    String[] values = {
      "-1",
      "0",
      "1001",
      "abc",
      "1e99",
      "",
      "score",
      "320600",
      "OPEN",
      "高仿",
      "%",
      "\u0000",
      "x".repeat(5000)
    };
    var query = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      query
          .append(i == 0 ? '?' : '&')
          .append(pick(List.of(names)))
          .append('=')
          .append(URLEncoder.encode(pick(List.of(values)), StandardCharsets.UTF_8));
    }
    var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts" + query)).GET().build();
    var response = send(request, "query " + query, new byte[0]);
    if (response != null && response.statusCode() != 200) {
      parse(response, "query " + abbreviate(query.toString()), new byte[0]);
    }
  }

  private HttpRequest post(String path, byte[] body, String contentType) {
    var builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            // As the demo partner: a fuzzed platform it may not write for is a 403, not a 5xx.
            .header("X-Api-Key", DemoPartner.KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      builder.header("Content-Type", contentType);
    }
    return builder.build();
  }

  private HttpResponse<byte[]> send(HttpRequest request, String what, byte[] body)
      throws InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException first) {
      // The server may close a kept-alive connection after an error answer (such as 413) that
      // did not read the whole body; the client only learns so when it reuses it. Ask again on
      // a new connection: only a request that gets no answer there either is a failure.
      report.reconnected(lastStatus);
      try {
        response =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        report.fail(what + ": no answer (" + e + ") for body " + sample(body));
        return null;
      }
    }
    lastStatus = response.statusCode();
    report.answered(response.statusCode());
    if (response.statusCode() >= 500) {
      report.fail(
          what
              + ": "
              + response.statusCode()
              + " "
              + abbreviate(new String(response.body(), StandardCharsets.UTF_8))
              + " for body "
              + sample(body));
    }
    return response;
  }

  /** The answer as JSON; an error answer must be {@code {"error", "message"}} or per-record. */
  private JsonNode parse(HttpResponse<byte[]> response, String what, byte[] body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      report.fail(
          what
              + ": answer "
              + response.statusCode()
              + " is not JSON: "
              + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
      return null;
    }
    if (response.statusCode() >= 400
        && !answer.has("results")
        && (answer.path("error").asText().isEmpty() || answer.path("message").asText().isEmpty())) {
      report.fail(
          what
              + ": error answer "
              + response.statusCode()
              + " without error and message: "
              + abbreviate(answer.toString())
              + " for body "
              + sample(body));
    }
    return answer;
  }

  /** Bad values on every input topic; each must reach the dead-letter topic. */
  private void topics(KafkaSettings kafka, int perTopic) throws Exception {
    Map<String, List<byte[]>> seeds = new HashMap<>();
    for (String topic : INPUT_TOPICS) {
      List<byte[]> own = seeds("fuzz/topics/", topic + ".json");
      seeds.put(
          topic,
          own.isEmpty()
              ? List.of("{\"id\":\"x\",\"name\":\"y\"}".getBytes(StandardCharsets.UTF_8))
              : own);
    }
    // Source topic and value of every bad record, as dead letters carry them.
    Map<String, Integer> expected = new HashMap<>();
    try (var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("fuzz"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (String topic : INPUT_TOPICS) {
        for (int i = 0; i < perTopic; i++) {
          byte[] value =
              invalidValue(seeds.get(topic).get(random.nextInt(seeds.get(topic).size())));
          byte[] key = ("fuzz-" + i).getBytes(StandardCharsets.UTF_8);
          producer.send(new ProducerRecord<>(topic, key, value)).get();
          expected.merge(topic + " " + Base64.getEncoder().encodeToString(value), 1, Integer::sum);
        }
      }
    }
    var config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 10 * 1024 * 1024);
    var remaining = new HashMap<>(expected);
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (!remaining.isEmpty() && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          String source = DeadLetters.header(record.headers(), DeadLetters.SOURCE_TOPIC);
          String entry =
              source
                  + " "
                  + Base64.getEncoder()
                      .encodeToString(record.value() == null ? new byte[0] : record.value());
          remaining.computeIfPresent(entry, (k, n) -> n == 1 ? null : n - 1);
        }
      }
    }
    int sent = expected.values().stream().mapToInt(Integer::intValue).sum();
    int missing = remaining.values().stream().mapToInt(Integer::intValue).sum();
    report.topicRecords(sent, sent - missing);
    if (missing > 0) {
      Map<String, Long> byTopic =
          remaining.keySet().stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.substring(0, e.indexOf(' ')), Collectors.counting()));
      report.fail(
          missing
              + " of "
              + sent
              + " bad topic records never reached "
              + Topics.DEAD_LETTERS.name()
              + ", by topic "
              + byTopic
              + ", among them "
              + remaining.keySet().stream()
                  .limit(6)
                  .map(
                      e ->
                          e.substring(0, e.indexOf(' '))
                              + ": "
                              + sample(Base64.getDecoder().decode(e.substring(e.indexOf(' ') + 1))))
                  .toList());
    }
  }

  /** A value no topic's record type can be read from. */
  private byte[] invalidValue(byte[] seed) {
    return switch (random.nextInt(7)) {
      case 0 -> {
        byte[] garbage = mutator.randomBytes();
        byte[] out = new byte[garbage.length + 1];
        out[0] = (byte) 0xFF; // never the start of JSON
        System.arraycopy(garbage, 0, out, 1, garbage.length);
        yield out;
      }
      case 1 -> {
        // The closing brace cut off (seeds end with it: they are stripped when read).
        String text = new String(seed, StandardCharsets.UTF_8);
        yield text.substring(0, text.lastIndexOf('}')).getBytes(StandardCharsets.UTF_8);
      }
      case 2 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
      case 3 -> String.valueOf(random.nextInt()).getBytes(StandardCharsets.UTF_8);
      case 4 -> ("\"" + randomPathSegment() + "\"").getBytes(StandardCharsets.UTF_8);
      case 5 -> mutator.deepNesting();
      default -> {
        // Invalid UTF-8 right after the first quote: the first field name can no longer be read.
        int quote = new String(seed, StandardCharsets.ISO_8859_1).indexOf('"');
        byte[] out = new byte[seed.length + 1];
        System.arraycopy(seed, 0, out, 0, quote + 1);
        out[quote + 1] = (byte) 0xFF;
        System.arraycopy(seed, quote + 1, out, quote + 2, seed.length - quote - 1);
        yield out;
      }
    };
  }

  private String randomPathSegment() {
    String chars = "abcXYZ019:_-.%20高仿";
    var out = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return URLEncoder.encode(out.toString(), StandardCharsets.UTF_8);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** The seed files under a class-path folder whose names end with {@code suffix}. */
  private static List<byte[]> seeds(String folder, String suffix) {
    var names = new TreeSet<String>();
    try (InputStream index =
        FuzzRun.class.getClassLoader().getResourceAsStream(folder + "index.txt")) {
      if (index == null) {
        throw new IllegalStateException("no " + folder + "index.txt on the class path");
      }
      new String(index.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(s -> s.endsWith(suffix))
          .forEach(names::add);
      var seeds = new ArrayList<byte[]>();
      for (String name : names) {
        try (InputStream in = FuzzRun.class.getClassLoader().getResourceAsStream(folder + name)) {
          // Without the file's last line break: a seed is exactly one body or record.
          seeds.add(
              new String(in.readAllBytes(), StandardCharsets.UTF_8)
                  .stripTrailing()
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> threads(KafkaStreams... apps) {
    var names = new HashSet<String>();
    for (var app : apps) {
      app.metadataForLocalThreads().stream().map(ThreadMetadata::threadName).forEach(names::add);
    }
    return names;
  }

  /** Waits up to two minutes for a streams application to be RUNNING. */
  static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static String sample(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return body.length > 200 ? text + "… (" + body.length + " bytes)" : text;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void log(String message) {
    System.out.println("[fuzz " + Instant.now() + "] " + message);
  }
}
