package org.iprradar.detect.rules;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.score.ScoringBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link RuleBook} in step with the compacted {@code rules} and {@code brands} topics, and
 * a {@link ScoringBook} with the compacted {@code scoring-settings} topic when given one, on a
 * thread of its own. Every start reads the topics from the beginning, since together they are the
 * configuration; then it follows them. It needs no consumer group: every detect instance reads
 * every partition. Only committed records are read, so a rule written in an aborted transaction
 * never takes effect. Records it cannot apply go to the dead-letter topic and never stop it; when
 * Kafka is away the consumer reconnects and the feed goes on where it was.
 *
 * <p>{@link #awaitCaughtUp} tells when everything written before the start has been applied, so
 * that listings are not scored with half the rules after a restart.
 */
public final class RuleFeed implements AutoCloseable {

  /** The application named in the headers of its dead letters. */
  public static final String APPLICATION = "ipr-radar-detect-rule-feed";

  static final List<String> TOPICS = List.of(Topics.RULES.name(), Topics.BRANDS.name());

  static final List<String> TOPICS_WITH_SETTINGS =
      List.of(Topics.RULES.name(), Topics.BRANDS.name(), Topics.SCORING_SETTINGS.name());

  private static final Logger LOG = LoggerFactory.getLogger(RuleFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration PARTITION_CHECK = Duration.ofMinutes(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final List<String> topics;
  private final Consumer<byte[], byte[]> consumer;
  private final Producer<byte[], byte[]> deadLetters;
  private final RuleBook book;
  private final FeedApplier applier;
  private final Duration retryBackoff;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Object lifecycle = new Object();
  private Thread thread;
  private boolean closed;

  // Owned by the feed's thread (or by the test calling step()).
  private Set<TopicPartition> assigned = Set.of();
  private Map<TopicPartition, Long> catchUpTargets;
  private long nextPartitionCheck;
  private boolean warnedNoTopics;
  private volatile long behind = -1;

  RuleFeed(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetters,
      RuleBook book,
      Duration retryBackoff) {
    this(consumer, deadLetters, book, null, retryBackoff);
  }

  /**
   * @param scoring the book of scoring settings to keep in step, or null to read rules and brands
   *     only
   */
  RuleFeed(
      Consumer<byte[], byte[]> consumer,
      Producer<byte[], byte[]> deadLetters,
      RuleBook book,
      ScoringBook scoring,
      Duration retryBackoff) {
    this.topics = scoring == null ? TOPICS : TOPICS_WITH_SETTINGS;
    this.consumer = consumer;
    this.deadLetters = deadLetters;
    this.book = book;
    this.applier = new FeedApplier(book, scoring);
    this.retryBackoff = retryBackoff;
  }

  /**
   * A feed into {@code book} from the rules and brands topics of the cluster of {@code kafka};
   * {@link #start()} starts it.
   */
  public static RuleFeed create(KafkaSettings kafka, RuleBook book) {
    return create(kafka, book, null);
  }

  /**
   * A feed into {@code book} and {@code scoring} (if not null) from the cluster of {@code kafka};
   * {@link #start()} starts it.
   */
  public static RuleFeed create(KafkaSettings kafka, RuleBook book, ScoringBook scoring) {
    Map<String, Object> consumerConfig = kafka.clientConfig();
    consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, APPLICATION);
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Rules are small: large batches make a bulk load a few rebuilds of the rule set, not hundreds.
    consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    var consumer =
        new KafkaConsumer<>(
            consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    var producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig(APPLICATION + "-dead-letters"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    return new RuleFeed(consumer, producer, book, scoring, Duration.ofSeconds(2));
  }

  /** Starts reading on the feed's own thread; does nothing if it runs already. */
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("the rule feed is closed");
      }
      if (thread != null) {
        return;
      }
      thread = new Thread(this::run, "ipr-radar-rule-feed");
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(
          (t, e) -> LOG.error("Rule feed stopped by an unexpected error", e));
      thread.start();
    }
  }

  /** Whether every record written to the topics before the start has been applied. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /**
   * Waits until the feed has caught up.
   *
   * @return whether it caught up within {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * How far, in offsets summed over the partitions, the feed still is from the end offsets taken at
   * its start; -1 while those are not known yet.
   */
  public long behind() {
    return behind;
  }

  private void run() {
    LOG.info("Rule feed reading {} from the beginning", topics);
    try {
      while (!isStopping()) {
        step();
      }
    } finally {
      closeClients();
      LOG.info("Rule feed stopped");
    }
  }

  /** One turn of the loop: assign, poll, apply, dead-letter, check progress. Never throws. */
  void step() {
    try {
      refreshAssignment();
      if (assigned.isEmpty()) {
        pause();
        return;
      }
      if (catchUpTargets == null) {
        catchUpTargets = Map.copyOf(consumer.endOffsets(assigned));
        LOG.info("Rule feed catching up to end offsets {}", catchUpTargets);
        // Empty topics: caught up without waiting for a poll to time out.
        checkCaughtUp();
      }
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      if (!records.isEmpty()) {
        FeedBatch batch = applier.apply(records);
        batch.rejections().forEach(this::deadLetter);
        logBatch(batch);
      }
      checkCaughtUp();
    } catch (WakeupException e) {
      // close() cut a blocking call short; the loop sees it is stopping.
    } catch (KafkaException e) {
      // Broker away, timeouts, leader changes: the consumer keeps its positions; try again.
      LOG.warn("Rule feed cannot read {} now ({}); retrying in {}", topics, e, retryBackoff);
      pause();
    } catch (RuntimeException e) {
      LOG.error("Rule feed failed; retrying in {}", retryBackoff, e);
      pause();
    }
  }

  /**
   * Assigns every partition of the topics, at start and then once a minute, so that partitions
   * added later are read too (from their beginning).
   */
  private void refreshAssignment() {
    long now = System.nanoTime();
    if (!assigned.isEmpty() && now - nextPartitionCheck < 0) {
      return;
    }
    nextPartitionCheck = now + PARTITION_CHECK.toNanos();
    var partitions = new HashSet<TopicPartition>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        if (assigned.isEmpty() && !warnedNoTopics) {
          LOG.warn("Rule feed waiting for topic {} to exist", topic);
          warnedNoTopics = true;
        }
        return;
      }
      infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    partitions.addAll(assigned);
    if (partitions.equals(assigned)) {
      return;
    }
    var added = new HashSet<>(partitions);
    added.removeAll(assigned);
    // assign() keeps the positions of the partitions that were assigned already.
    consumer.assign(partitions);
    consumer.seekToBeginning(added);
    if (!assigned.isEmpty()) {
      LOG.info("Rule feed reading new partitions {} from the beginning", added);
    }
    assigned = Set.copyOf(partitions);
  }

  private void checkCaughtUp() {
    if (isCaughtUp()) {
      return;
    }
    long remaining = 0;
    for (var target : catchUpTargets.entrySet()) {
      long position = consumer.position(target.getKey(), POSITION_TIMEOUT);
      remaining += Math.max(0, target.getValue() - position);
    }
    behind = remaining;
    if (remaining == 0) {
      RuleSet set = book.get();
      LOG.info(
          "Rule feed caught up with {}: rule set version {} in force, {} rules (version {}) and"
              + " {} brands (version {})",
          topics,
          set.version(),
          set.matcher().rules().size() - set.brands().all().size(),
          set.rulesVersion(),
          set.brands().all().size(),
          set.brandsVersion());
      caughtUp.countDown();
    }
  }

  private void deadLetter(Rejection rejection) {
    var source = rejection.record();
    var record =
        new ProducerRecord<>(
            Topics.DEAD_LETTERS.name(),
            null,
            source.key(),
            source.value(),
            DeadLetters.describe(source, APPLICATION, rejection.reason()));
    try {
      deadLetters.send(
          record,
          (metadata, e) -> {
            if (e != null) {
              LOG.error(
                  "Rule feed could not dead-letter the record at {}: {}", rejection.where(), e);
            }
          });
    } catch (RuntimeException e) {
      LOG.error("Rule feed could not dead-letter the record at {}: {}", rejection.where(), e);
    }
  }

  private void logBatch(FeedBatch batch) {
    if (!batch.published() && !batch.publishedSettings() && batch.rejections().isEmpty()) {
      return;
    }
    LOG.info(
        "Rule feed read {} records: {} rules put, {} rules removed, {} brands put, {} brands"
            + " removed, {} scoring settings put, {} removed, {} rejected{}{}",
        batch.records(),
        batch.rulesPut(),
        batch.rulesRemoved(),
        batch.brandsPut(),
        batch.brandsRemoved(),
        batch.settingsPut(),
        batch.settingsRemoved(),
        batch.rejections().size(),
        batch.published() ? "; rule set version " + batch.publishedVersion() + " in force" : "",
        batch.publishedSettings()
            ? "; scoring settings version " + batch.settingsVersion() + " in force"
            : "");
  }

  private boolean isStopping() {
    return stopping.getCount() == 0;
  }

  /** Waits before retrying; close() ends the wait at once. */
  private void pause() {
    try {
      stopping.await(retryBackoff.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.countDown();
    }
  }

  private void closeClients() {
    try {
      deadLetters.close(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      LOG.warn("Rule feed could not close its dead-letter producer cleanly: {}", e.toString());
    }
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      LOG.warn("Rule feed could not close its consumer cleanly: {}", e.toString());
    }
  }

  /** Stops the feed and waits for its thread; the rule set in force stays. */
  @Override
  public void close() {
    Thread running;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      running = thread;
    }
    stopping.countDown();
    if (running == null) {
      closeClients();
      return;
    }
    consumer.wakeup();
    try {
      running.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running.isAlive()) {
      LOG.warn("Rule feed did not stop within {}", CLOSE_TIMEOUT);
    }
  }
}
