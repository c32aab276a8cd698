package org.iprradar.detect.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.operator.RecentListings;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleFeed;
import org.iprradar.detect.score.ScoringBook;
import org.iprradar.detect.topology.DetectTopology;
import org.iprradar.detect.topology.GlobalDeadLetters;
import org.iprradar.web.ops.StreamsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rule feed and the detect topology for as long as the application runs. The topology
 * starts once the feed has read the rules, brands and scoring-settings topics, so that after a
 * restart no listing is scored with half the rule book or the wrong weights.
 */
@Singleton
public final class DetectService implements AutoCloseable, StreamsComponent {

  private static final Logger LOG = LoggerFactory.getLogger(DetectService.class);

  private final KafkaSettings kafka;
  private final RuleFeed feed;
  private final Duration catchUpTimeout;
  private final StreamsApp app;
  private final GlobalDeadLetters globalDeadLetters;

  DetectService(
      RuleBook rules,
      ScoringBook scoring,
      RecentListings recent,
      DetectConfiguration config,
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.data-dir:data}") String dataDir,
      @Value("${ipr.detect.stream-threads:1}") int streamThreads) {
    this.kafka =
        new KafkaSettings(
            bootstrapServers, partitions, replicationFactor, security.clientOverrides());
    this.feed = RuleFeed.create(kafka, rules, scoring);
    this.catchUpTimeout = config.feedCatchUpTimeout();
    // Idempotent with acks=all: the global stores' loaders cannot forward, so their dead letters
    // go through this producer, outside the stream's transactions.
    this.globalDeadLetters =
        new GlobalDeadLetters(
            new KafkaProducer<>(
                kafka.durableProducerConfig(DetectTopology.APPLICATION_ID + "-global-dead-letters"),
                new ByteArraySerializer(),
                new ByteArraySerializer()));
    this.app =
        StreamsApp.create(
            DetectTopology.APPLICATION_ID,
            DetectTopology.build(rules, scoring, Clock.systemUTC(), globalDeadLetters, recent),
            kafka,
            Path.of(dataDir, "streams"),
            null,
            streamThreads);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    TopicProvisioner.ensure(kafka, Topics.ALL);
    feed.start();
    awaitRules();
    app.start();
  }

  private void awaitRules() {
    LOG.info(
        "Waiting up to {} for the rule feed to read topics {}, {} and {} before scoring listings",
        catchUpTimeout,
        Topics.RULES.name(),
        Topics.BRANDS.name(),
        Topics.SCORING_SETTINGS.name());
    long started = System.nanoTime();
    boolean caughtUp;
    try {
      caughtUp = feed.awaitCaughtUp(catchUpTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rule feed", e);
    }
    if (caughtUp) {
      LOG.info(
          "Rule feed caught up in {} ms; starting the detect topology",
          (System.nanoTime() - started) / 1_000_000);
    } else {
      LOG.warn(
          "Rule feed has not caught up with topics {} and {} after {} ({} offsets to go);"
              + " scoring starts with the rules and brands read so far, the rest apply as they"
              + " are read (raise ipr.detect.feed-catch-up-timeout to wait longer)",
          Topics.RULES.name(),
          Topics.BRANDS.name(),
          catchUpTimeout,
          feed.behind() < 0 ? "unknown" : feed.behind());
    }
  }

  @Override
  public StreamsApp streamsApp() {
    return app;
  }

  public RuleFeed ruleFeed() {
    return feed;
  }

  @PreDestroy
  @Override
  public void close() {
    try {
      app.close();
    } finally {
      try {
        globalDeadLetters.close();
      } finally {
        feed.close();
      }
    }
  }
}
