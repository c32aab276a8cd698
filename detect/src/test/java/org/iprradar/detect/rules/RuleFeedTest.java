package org.iprradar.detect.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed's loop against Kafka's mock clients: reading, catching up, dead letters, failures. */
class RuleFeedTest {

  private static final TopicPartition RULES_0 = new TopicPartition(Topics.RULES.name(), 0);
  private static final TopicPartition RULES_1 = new TopicPartition(Topics.RULES.name(), 1);
  private static final TopicPartition BRANDS_0 = new TopicPartition(Topics.BRANDS.name(), 0);

  private final RuleBook book = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);
  private MockConsumer<byte[], byte[]> consumer;
  private MockProducer<byte[], byte[]> producer;
  private RuleFeed feed;

  @BeforeEach
  void setUp() {
    consumer = new MockConsumer<>("earliest");
    producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    consumer.updatePartitions(Topics.RULES.name(), List.of(partition(RULES_0), partition(RULES_1)));
    consumer.updatePartitions(Topics.BRANDS.name(), List.of(partition(BRANDS_0)));
    consumer.updateBeginningOffsets(Map.of(RULES_0, 0L, RULES_1, 0L, BRANDS_0, 0L));
    feed = new RuleFeed(consumer, producer, book, Duration.ofMillis(10));
  }

  @AfterEach
  void tearDown() {
    feed.close();
  }

  private static PartitionInfo partition(TopicPartition tp) {
    var node = new Node(1, "localhost", 9092);
    return new PartitionInfo(
        tp.topic(), tp.partition(), node, new Node[] {node}, new Node[] {node});
  }

  private static Rule rule(String id, String query) {
    return new Rule(
        id, 1, query, InfringementType.COUNTERFEIT_TRADEMARK, null, 50, null, true, null);
  }

  private static ConsumerRecord<byte[], byte[]> record(
      TopicPartition tp, long offset, String key, byte[] value) {
    return new ConsumerRecord<>(
        tp.topic(), tp.partition(), offset, key.getBytes(StandardCharsets.UTF_8), value);
  }

  private static byte[] json(Rule rule) {
    return Topics.RULES.valueSerde().serializer().serialize("", rule);
  }

  @Test
  void shouldReadEveryPartitionFromTheBeginningAndCatchUpWithTheEndOffsetsOfTheStart() {
    // Given two rules and a brand written before the start
    consumer.updateEndOffsets(Map.of(RULES_0, 1L, RULES_1, 1L, BRANDS_0, 1L));
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(RULES_0, 0, "deer", json(rule("deer", "\"鹿标特供\""))));
          consumer.addRecord(record(RULES_1, 0, "fox", json(rule("fox", "\"狐标特供\""))));
          consumer.addRecord(
              record(
                  BRANDS_0,
                  0,
                  "gucci",
                  Topics.BRANDS.valueSerde().serializer().serialize("", Fixtures.GUCCI)));
        });
    long before = book.get().version();

    // When the feed takes one turn
    feed.step();

    // Then all three are in force, published once, and the feed has caught up
    assertEquals(Set.of(RULES_0, RULES_1, BRANDS_0), consumer.assignment());
    assertTrue(feed.isCaughtUp());
    assertEquals(0, feed.behind());
    assertEquals(before + 1, book.get().version());
    assertEquals(3, book.get().matcher().rules().size());
  }

  @Test
  void shouldNotReportCaughtUpBeforeReachingTheEndOffsetsOfTheStart() {
    consumer.updateEndOffsets(Map.of(RULES_0, 2L, RULES_1, 0L, BRANDS_0, 0L));
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(RULES_0, 0, "deer", json(rule("deer", "\"鹿标\"")))));

    feed.step();

    assertFalse(feed.isCaughtUp());
    assertEquals(1, feed.behind());

    consumer.schedulePollTask(
        () -> consumer.addRecord(record(RULES_0, 1, "fox", json(rule("fox", "\"狐标\"")))));
    feed.step();

    assertTrue(feed.isCaughtUp());
  }

  @Test
  void shouldDeadLetterAnUnreadableRecordWithItsReasonAndWhereItCameFrom() {
    consumer.updateEndOffsets(Map.of(RULES_0, 2L, RULES_1, 0L, BRANDS_0, 0L));
    byte[] garbage = "{\"id\": \"deer\", oops".getBytes(StandardCharsets.UTF_8);
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(RULES_0, 0, "deer", garbage));
          consumer.addRecord(record(RULES_0, 1, "fox", json(rule("fox", "\"狐标\""))));
        });

    feed.step();

    assertEquals(1, producer.history().size());
    var letter = producer.history().get(0);
    assertEquals(Topics.DEAD_LETTERS.name(), letter.topic());
    assertArrayEquals("deer".getBytes(StandardCharsets.UTF_8), letter.key());
    assertArrayEquals(garbage, letter.value(), "the original bytes, as they were");
    var headers = letter.headers();
    assertEquals(Topics.RULES.name(), DeadLetters.header(headers, DeadLetters.SOURCE_TOPIC));
    assertEquals(RuleFeed.APPLICATION, DeadLetters.header(headers, DeadLetters.APPLICATION));
    assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION));
    assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
    String reason = DeadLetters.header(headers, DeadLetters.REASON);
    assertTrue(reason.startsWith("rule deer: not a valid Rule"), reason);
    // and the feed went on with the next record
    assertTrue(feed.isCaughtUp());
    assertEquals(1, book.get().matcher().rules().size());
  }

  @Test
  void shouldGoOnWhereItWasWhenKafkaFails() {
    consumer.updateEndOffsets(Map.of(RULES_0, 2L, RULES_1, 0L, BRANDS_0, 0L));
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(RULES_0, 0, "deer", json(rule("deer", "\"鹿标\"")))));
    feed.step();

    // When the broker goes away for a turn
    consumer.setPollException(new KafkaException("broker unavailable"));
    feed.step();

    // Then the next turn reads on from the same position
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(RULES_0, 1, "fox", json(rule("fox", "\"狐标\"")))));
    feed.step();
    assertTrue(feed.isCaughtUp());
    assertEquals(2, book.get().matcher().rules().size());
  }

  @Test
  void shouldWaitForTopicsThatDoNotExistYet() {
    var bare = new MockConsumer<byte[], byte[]>("earliest");
    var ownProducer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    try (var waiting = new RuleFeed(bare, ownProducer, book, Duration.ofMillis(1))) {
      waiting.step();

      assertTrue(bare.assignment().isEmpty());
      assertFalse(waiting.isCaughtUp());
      assertEquals(-1, waiting.behind());
    }
  }

  @Test
  void shouldRunOnItsOwnThreadAndStopCleanlyOnClose() throws Exception {
    consumer.updateEndOffsets(Map.of(RULES_0, 0L, RULES_1, 0L, BRANDS_0, 0L));

    feed.start();

    assertTrue(feed.awaitCaughtUp(Duration.ofSeconds(10)), "empty topics: caught up at once");
    feed.close();
    assertTrue(consumer.closed());
    assertTrue(producer.closed());
  }
}
