package org.iprradar.detect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.ConfigVersions;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.score.ScoringBook;
import org.iprradar.detect.score.ScoringSettings;
import org.iprradar.detect.score.SellerHistoryWeights;
import org.iprradar.detect.topology.DetectTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights and thresholds written to the scoring-settings topic while detect runs: the rule feed
 * reads them (from Kafka's mock consumer) and the next listings through the topology are scored
 * with them, per category. Every assessment records the versions of the rules, brands and weights
 * that produced it.
 */
class RuntimeSettingsTopologyTest {

  private static final TopicPartition RULES = new TopicPartition(Topics.RULES.name(), 0);
  private static final TopicPartition BRANDS = new TopicPartition(Topics.BRANDS.name(), 0);
  private static final TopicPartition SETTINGS =
      new TopicPartition(Topics.SCORING_SETTINGS.name(), 0);

  // The listings of the tables, on the start-up settings (lead threshold 60, food 8 points):
  /** Replica slang 45 + focus category food 8 = 53. */
  private static final Listing MOONCAKE = Fixtures.listing("f-1", "高仿 五仁月饼 礼盒", "88", "food");

  /** Louis Vuitton named 25 + price a fifth of the band's lowest 35 = 60. */
  private static final Listing BAG = Fixtures.listing("b-1", "路易威登 手袋", "1000", "luxury_bags");

  /** The same bag sold under category other: 路易威登 is distinctive enough for the price check. */
  private static final Listing BAG_AS_OTHER = Fixtures.listing("o-1", "路易威登 手袋", "1000", "other");

  /** Replica slang 45; electronics is no focus category. */
  private static final Listing EARPHONES = Fixtures.listing("e-1", "高仿 蓝牙耳机", "50", "electronics");

  /** One row of a table: a listing and the score and lead it is expected to get. */
  private record Row(Listing listing, double score, boolean lead) {}

  @TempDir Path stateDir;

  private final Map<TopicPartition, Long> offsets = new HashMap<>();
  private final List<RuleFeed> feeds = new ArrayList<>();
  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  private MockConsumer<byte[], byte[]> consumer;
  private MockProducer<byte[], byte[]> producer;
  private RuleFeed feed;
  private ScoringBook scoring;
  private TestInputTopic<String, byte[]> listings;
  private TestOutputTopic<String, Assessment> assessments;

  @BeforeEach
  void setUp() {
    scoring = new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
    consumer = new MockConsumer<>("earliest");
    producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    var book = Fixtures.ruleBook();
    feed = startFeed(consumer, producer, book, scoring);
    startDriver(book, scoring);
  }

  @AfterEach
  void tearDown() {
    drivers.forEach(TopologyTestDriver::close);
    feeds.forEach(RuleFeed::close);
  }

  private RuleFeed startFeed(
      MockConsumer<byte[], byte[]> mock,
      MockProducer<byte[], byte[]> deadLetters,
      RuleBook book,
      ScoringBook settings) {
    var node = new Node(1, "localhost", 9092);
    for (TopicPartition tp : List.of(RULES, BRANDS, SETTINGS)) {
      mock.updatePartitions(
          tp.topic(),
          List.of(
              new PartitionInfo(
                  tp.topic(), tp.partition(), node, new Node[] {node}, new Node[] {node})));
    }
    mock.updateBeginningOffsets(Map.of(RULES, 0L, BRANDS, 0L, SETTINGS, 0L));
    mock.updateEndOffsets(Map.of(RULES, 0L, BRANDS, 0L, SETTINGS, 0L));
    var started = new RuleFeed(mock, deadLetters, book, settings, Duration.ofMillis(10));
    feeds.add(started);
    started.step();
    assertTrue(started.isCaughtUp());
    return started;
  }

  private void startDriver(RuleBook book, ScoringBook settings) {
    var driver =
        TestDrivers.start(
            DetectTopology.build(book, settings, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)),
            "detect-settings-test",
            stateDir.resolve("run-" + drivers.size()));
    drivers.add(driver);
    listings =
        driver.createInputTopic(
            Topics.LISTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    assessments =
        driver.createOutputTopic(
            Topics.ASSESSMENTS.name(),
            Topics.ASSESSMENTS.keySerde().deserializer(),
            Topics.ASSESSMENTS.valueSerde().deserializer());
  }

  /** Writes a record to one of the feed's topics and lets the feed take one turn. */
  private void write(TopicPartition tp, String key, String json) {
    long offset = offsets.merge(tp, 1L, Long::sum) - 1;
    byte[] value = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    consumer.schedulePollTask(
        () ->
            consumer.addRecord(
                new ConsumerRecord<>(
                    tp.topic(),
                    tp.partition(),
                    offset,
                    key.getBytes(StandardCharsets.UTF_8),
                    value)));
    feed.step();
  }

  private Assessment assess(Listing listing) {
    listings.pipeInput(
        listing.key(), Topics.LISTINGS.valueSerde().serializer().serialize("", listing));
    return assessments.readValue();
  }

  private void assertScores(List<Row> table) {
    for (Row row : table) {
      Assessment a = assess(row.listing());
      String what = row.listing().title() + " in " + row.listing().category() + ": " + a.signals();
      assertEquals(row.score(), a.score(), what);
      assertEquals(row.lead(), a.lead(), what);
    }
  }

  // All categories at 70; food at 50 with 12 category points; luxury bags 50 for a low price.
  private void writeTheSettingsOfTheTables() {
    write(SETTINGS, "default", "{\"version\": 1, \"leadThreshold\": 70}");
    write(SETTINGS, "food", "{\"version\": 1, \"leadThreshold\": 50, \"categoryPoints\": 12}");
    write(SETTINGS, "luxury_bags", "{\"version\": 1, \"priceBelowBandWeight\": 50}");
  }

  @Test
  void shouldScoreTheNextListingsWithTheWeightsAndThresholdsOfTheirCategoryOnceWritten() {
    // Given the start-up settings: one lead threshold of 60 for all
    assertScores(
        List.of(
            new Row(MOONCAKE, 53, false), // 45 + 8
            new Row(BAG, 60, true), // 25 + 35
            new Row(BAG_AS_OTHER, 60, true), // 25 + 35
            new Row(EARPHONES, 45, false)));

    // When the operator writes settings for all categories, for food and for luxury bags
    writeTheSettingsOfTheTables();

    // Then the same listings are scored with them, each by its category, with no restart
    assertScores(
        List.of(
            new Row(MOONCAKE, 57, true), // 45 + 12, food's own threshold 50
            new Row(BAG, 75, true), // 25 + 50, at least 70
            new Row(BAG_AS_OTHER, 60, false), // 25 + 35, below the 70 for all
            new Row(EARPHONES, 45, false)));
  }

  @Test
  void shouldRefuseAnInvalidEntryKeepTheSettingsInForceAndDeadLetterIt() {
    writeTheSettingsOfTheTables();
    String version = assess(MOONCAKE).versions().weights();

    // When food's threshold is set out of range, and luxury bags' with a misspelt field
    write(SETTINGS, "food", "{\"version\": 2, \"leadThreshold\": 150}");
    write(SETTINGS, "luxury_bags", "{\"version\": 2, \"priceBelowBandWeigth\": 5}");

    // Then both keep their version 1
    assertScores(List.of(new Row(MOONCAKE, 57, true), new Row(BAG, 75, true)));
    assertEquals(version, assess(MOONCAKE).versions().weights());
    // And each refused record is a dead letter with its reason
    var reasons =
        producer.history().stream()
            .filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name()))
            .map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON))
            .toList();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).contains("leadThreshold must be within 0..100"), reasons.get(0));
    assertTrue(reasons.get(1).contains("unknown field priceBelowBandWeigth"), reasons.get(1));
  }

  @Test
  void shouldReturnACategoryToTheSettingsForAllWhenItsEntryIsDeleted() {
    writeTheSettingsOfTheTables();

    write(SETTINGS, "luxury_bags", null);

    assertScores(List.of(new Row(BAG, 60, false), new Row(MOONCAKE, 57, true)));
  }

  @Test
  void shouldRecordNewVersionsOfExactlyWhatChanged() {
    ConfigVersions start = assess(EARPHONES).versions();

    // Weights
    write(SETTINGS, "food", "{\"version\": 1, \"leadThreshold\": 50}");
    ConfigVersions weights = assess(EARPHONES).versions();
    // Rules
    write(
        RULES,
        "slang-deer",
        "{\"id\":\"slang-deer\",\"version\":1,\"query\":\"\\\"鹿标特供\\\"\","
            + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":50,\"enabled\":true}");
    ConfigVersions rules = assess(EARPHONES).versions();
    // Brands
    write(
        BRANDS,
        Fixtures.NIKE.brandId(),
        new String(
            Topics.BRANDS.valueSerde().serializer().serialize("", Fixtures.NIKE),
            StandardCharsets.UTF_8));
    ConfigVersions brands = assess(EARPHONES).versions();

    assertNotEquals(start.weights(), weights.weights());
    assertEquals(new ConfigVersions(start.rules(), start.brands(), weights.weights()), weights);
    assertNotEquals(weights.rules(), rules.rules());
    assertEquals(new ConfigVersions(rules.rules(), start.brands(), weights.weights()), rules);
    assertNotEquals(rules.brands(), brands.brands());
    assertEquals(new ConfigVersions(rules.rules(), brands.brands(), weights.weights()), brands);
  }

  @Test
  void shouldRecordTheSameVersionsAfterARebuildFromTheSameTopicsReadInAnotherOrder() {
    writeTheSettingsOfTheTables();
    ConfigVersions before = assess(BAG).versions();

    // When detect restarts: a new rule book with the same rules and brands, staged in reverse
    // order, and the same settings records read once more
    var book = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);
    List.of(Fixtures.APPLE, Fixtures.CHANEL, Fixtures.LOUIS_VUITTON).forEach(book::putBrand);
    List.<Rule>of(Fixtures.CRACKED_SOFTWARE, Fixtures.REPLICA_SLANG).forEach(book::putRule);
    book.publish();
    scoring = new ScoringBook(ScoringSettings.DEFAULTS, SellerHistoryWeights.DEFAULTS);
    consumer = new MockConsumer<>("earliest");
    feed = startFeed(consumer, producer, book, scoring);
    offsets.clear();
    write(SETTINGS, "luxury_bags", "{\"version\": 1, \"priceBelowBandWeight\": 50}");
    write(SETTINGS, "food", "{\"version\": 1, \"leadThreshold\": 50, \"categoryPoints\": 12}");
    write(SETTINGS, "default", "{\"version\": 1, \"leadThreshold\": 70}");
    startDriver(book, scoring);

    // Then a listing scored after the restart records the same versions
    Assessment after = assess(BAG);
    assertEquals(before, after.versions());
    assertEquals(75.0, after.score());
    assertEquals(book.get().rulesVersion(), after.versions().rules());
    assertEquals(book.get().brandsVersion(), after.versions().brands());
  }
}
