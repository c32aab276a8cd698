package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.FeedIngestor;
import org.iprradar.ingest.http.Feeds;
import org.iprradar.ingest.load.DropFolder;
import org.iprradar.ingest.load.FileLoader;
import org.iprradar.ingest.load.HeaderMapping;
import org.iprradar.ingest.load.LoadProgress;
import org.iprradar.ingest.load.PartnerFeeds;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.versions.ListingVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file loader against a real broker: a load interrupted after Kafka took a batch but before the
 * checkpoint was written, resumed by a new process, leaves every line in Kafka exactly once.
 */
class FileLoadResumeIT {

  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private static KafkaSettings kafka;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 3);
    kafka = new KafkaSettings(broker.bootstrapServers(), 3, (short) 1, null);
    TopicProvisioner.ensure(kafka, Topics.ALL);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  /** A loader as a fresh process would build it: its own producer and version table. */
  private static <T> LoadProgress load(
      Path file,
      String feed,
      HeaderMapping mapping,
      java.util.function.Consumer<LoadProgress> onBatch)
      throws Exception {
    try (var publisher =
        new FeedPublisher(
            new KafkaProducer<>(
                kafka.durableProducerConfig("loader-it"),
                new StringSerializer(),
                new ByteArraySerializer()),
            10_000)) {
      var feeds = new Feeds(new ListingVersions(), Map.<String, BigDecimal>of());
      return new FileLoader(
              new FeedIngestor(publisher), kafka, feeds.byName(feed), mapping, 100, onBatch)
          .load(file);
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      var records = new ArrayList<ConsumerRecord<String, String>>();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  @Test
  void shouldFindEveryLineExactlyOnceAfterAnInterruptedLoadIsResumed() throws Exception {
    Path file = dir.resolve("listings.ndjson");
    var lines = new ArrayList<String>();
    for (int i = 0; i < 1_000; i++) {
      if (i % 250 == 7) {
        lines.add("{\"platform\":\"resume\",\"listingId\":\"bad-" + i + "\",\"price\":-1}");
      } else {
        lines.add(
            String.format(
                "{\"platform\":\"resume\",\"listingId\":\"r-%d\",\"title\":\"商品 %d\","
                    + "\"price\":%d,\"sellerId\":\"s-%d\"}",
                i, i, i, i % 17));
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);

    // When the first run dies after Kafka acknowledged its fourth batch but before that batch's
    // checkpoint was written
    int[] batches = {0};
    var crash =
        assertThrows(
            IllegalStateException.class,
            () ->
                load(
                    file,
                    "listings",
                    HeaderMapping.identity(),
                    p -> {
                      if (++batches[0] == 4) {
                        throw new IllegalStateException("simulated crash");
                      }
                    }));
    assertEquals("simulated crash", crash.getMessage());

    // and a second run resumes
    var done = load(file, "listings", HeaderMapping.identity(), p -> {});

    // Then every valid line is in Kafka exactly once, and every bad line is in the side file once
    var counts = new HashMap<String, Integer>();
    for (var record : readAll(Topics.LISTINGS.name())) {
      if (record.key().startsWith("resume:")) {
        counts.merge(record.key(), 1, Integer::sum);
      }
    }
    assertEquals(996, counts.size());
    assertTrue(counts.values().stream().allMatch(n -> n == 1), "a line was sent twice: " + counts);
    assertEquals(1_000, done.records());
    var rejected = Files.readAllLines(FileLoader.rejectedPathFor(file), StandardCharsets.UTF_8);
    assertEquals(4, rejected.size(), rejected::toString);
    var first = Json.mapper().readTree(rejected.get(0));
    assertEquals(8, first.get("line").asInt());
    assertTrue(first.get("errors").toString().contains("price"), first::toString);

    // And a third run sends nothing: the file is done
    load(file, "listings", HeaderMapping.identity(), p -> {});
    assertEquals(
        996,
        readAll(Topics.LISTINGS.name()).stream()
            .filter(r -> r.key().startsWith("resume:"))
            .count());
  }

  @Test
  void shouldLoadAPlatformCsvExportThroughAHeaderMapping() throws Exception {
    Path file = dir.resolve("export.csv");
    Files.writeString(
        file,
        "投诉编号,平台,来源,商品ID,投诉内容,证据\n"
            + "c-1,jd,PLATFORM,j-1,\"假货, 包装不同\",https://e.example/1.jpg|https://e.example/2.jpg\n"
            + "c-2,jd,PLATFORM,,\"没有商品也没有卖家\",\n"
            + "c-3,jd,CONSUMER_12315,j-3,\"描述\n跨两行\",\n",
        StandardCharsets.UTF_8);
    var mapping =
        new HeaderMapping(
            Map.of(
                "投诉编号", "complaintId",
                "平台", "platform",
                "来源", "source",
                "商品ID", "listingId",
                "投诉内容", "text",
                "证据", "evidenceUrls"));

    var done = load(file, "complaints", mapping, p -> {});

    assertEquals(2, done.accepted());
    assertEquals(1, done.rejected());
    var stored = new HashMap<String, String>();
    readAll(Topics.COMPLAINTS.name()).forEach(r -> stored.put(r.key(), r.value()));
    var c1 = Json.mapper().readTree(stored.get("jd:c-1"));
    assertEquals("假货, 包装不同", c1.get("text").asText());
    assertEquals(2, c1.get("evidenceUrls").size());
    assertEquals("描述\n跨两行", Json.mapper().readTree(stored.get("jd:c-3")).get("text").asText());
    var rejected = Files.readAllLines(FileLoader.rejectedPathFor(file), StandardCharsets.UTF_8);
    assertEquals(3, Json.mapper().readTree(rejected.get(0)).get("line").asInt());
  }

  @Test
  void shouldLoadAFileDepositedInTheDropFolderOnceItStopsGrowing() throws Exception {
    Path root = dir.resolve("drop");
    try (var publisher =
        new FeedPublisher(
            new KafkaProducer<>(
                kafka.durableProducerConfig("drop-it"),
                new StringSerializer(),
                new ByteArraySerializer()),
            10_000)) {
      var feeds = new Feeds(new ListingVersions(), Map.<String, BigDecimal>of());
      var ingestor = new FeedIngestor(publisher);
      var folder =
          new DropFolder(
              root,
              feeds::byName,
              feed -> mapping -> new FileLoader(ingestor, kafka, feed, mapping, 50, p -> {}));
      Path file = root.resolve("listings").resolve("partner-1.ndjson");
      Files.writeString(
          file,
          "{\"platform\":\"drop\",\"listingId\":\"d-1\",\"title\":\"t\",\"price\":1,"
              + "\"sellerId\":\"s\"}\n",
          StandardCharsets.UTF_8);

      // When the folder is scanned twice: the first scan only notes the file's size
      assertTrue(folder.scanOnce().isEmpty(), "a file is not loaded while it may still grow");
      var loaded = folder.scanOnce();

      // Then the file is loaded and moved to done/ with its checkpoint
      assertEquals(List.of(file), loaded);
      assertTrue(Files.notExists(file));
      assertTrue(Files.exists(root.resolve("done/listings/partner-1.ndjson")));
      assertTrue(Files.exists(root.resolve("done/listings/partner-1.ndjson.checkpoint")));
      assertEquals(
          1,
          readAll(Topics.LISTINGS.name()).stream().filter(r -> r.key().equals("drop:d-1")).count());
    }
  }

  @Test
  void shouldCheckAPartnersDropFolderFilesAgainstItsPlatformsLineByLine() throws Exception {
    Path root = dir.resolve("partner-drop");
    try (var publisher =
        new FeedPublisher(
            new KafkaProducer<>(
                kafka.durableProducerConfig("partner-drop-it"),
                new StringSerializer(),
                new ByteArraySerializer()),
            10_000)) {
      var feeds = new Feeds(new ListingVersions(), Map.<String, BigDecimal>of());
      var ingestor = new FeedIngestor(publisher);
      var folder =
          new DropFolder(
              root,
              feeds::byName,
              feed -> mapping -> new FileLoader(ingestor, kafka, feed, mapping, 50, p -> {}),
              id -> id.equals("acme") ? Optional.of(Set.of("acme-mall")) : Optional.empty(),
              (id, platforms) -> name -> PartnerFeeds.limited(feeds, name, id, platforms));
      Path acme = Files.createDirectories(root.resolve("partners/acme/listings"));
      Path stranger = Files.createDirectories(root.resolve("partners/stranger/listings"));
      Path file = acme.resolve("export.ndjson");
      Files.writeString(
          file,
          "{\"platform\":\"acme-mall\",\"listingId\":\"p-1\",\"title\":\"t\",\"price\":1,"
              + "\"sellerId\":\"s\"}\n"
              + "{\"platform\":\"other-mall\",\"listingId\":\"p-2\",\"title\":\"t\",\"price\":1,"
              + "\"sellerId\":\"s\"}\n",
          StandardCharsets.UTF_8);
      Path unknown = stranger.resolve("export.ndjson");
      Files.writeString(unknown, Files.readString(file), StandardCharsets.UTF_8);

      folder.scanOnce();
      var loaded = folder.scanOnce();

      // Then the partner's own line is loaded, the foreign one rejected with the reason
      assertEquals(List.of(file), loaded);
      Path done = root.resolve("done/partners/acme/listings");
      String rejected =
          Files.readString(done.resolve("export.ndjson.rejected.ndjson"), StandardCharsets.UTF_8);
      assertTrue(rejected.contains("may not write for platform 'other-mall'"), rejected);
      var keys = readAll(Topics.LISTINGS.name()).stream().map(r -> r.key()).toList();
      assertTrue(keys.contains("acme-mall:p-1"), keys.toString());
      assertTrue(!keys.contains("other-mall:p-2"), keys.toString());
      // And a folder of no known partner is left alone
      assertTrue(Files.exists(unknown));
    }
  }

  @Test
  void shouldLoadFromTheCommandLineWithAMappingFileAndAConfiguredRate() throws Exception {
    Path file = dir.resolve("cli.csv");
    Files.writeString(
        file,
        "商品ID,平台,标题,价格,币种,卖家\n" + "cli-1,amazon,Handbag,10,USD,a-1\n",
        StandardCharsets.UTF_8);
    Path mapping = dir.resolve("cli-columns.properties");
    Files.writeString(
        mapping,
        "商品ID=listingId\n平台=platform\n标题=title\n价格=price\n币种=currency\n卖家=sellerId\n",
        StandardCharsets.UTF_8);

    org.iprradar.ingest.load.LoadCommand.main(
        new String[] {
          "--bootstrap-servers",
          broker.bootstrapServers(),
          "--feed",
          "listings",
          "--mapping",
          mapping.toString(),
          "--cny-rate",
          "USD=7.10",
          file.toString()
        });

    var stored =
        readAll(Topics.LISTINGS.name()).stream()
            .filter(r -> r.key().equals("amazon:cli-1"))
            .toList();
    assertEquals(1, stored.size());
    assertEquals(
        71.0,
        Json.mapper().readTree(stored.get(0).value()).get("price").asDouble(),
        "10 USD at 7.10 CNY");
  }
}
