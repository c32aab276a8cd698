package org.iprradar.ingest.versions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the listings topic into {@link ListingVersions} while ingest runs. Start-up waits until
 * the table has caught up with the topic's end, up to {@code ipr.ingest.versions.catch-up-timeout}:
 * answering before that could send a known version again.
 */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
final class ListingVersionFeed {

  private static final Logger LOG = LoggerFactory.getLogger(ListingVersionFeed.class);

  private final KafkaSettings kafka;
  private final VersionFollower follower;
  private final Duration catchUpTimeout;

  ListingVersionFeed(
      @Named("ingest") KafkaSettings kafka,
      ListingVersions versions,
      @Value("${ipr.ingest.versions.catch-up-timeout:60s}") Duration catchUpTimeout) {
    this.kafka = kafka;
    this.follower = new VersionFollower(kafka, versions);
    this.catchUpTimeout = catchUpTimeout;
  }

  @EventListener
  void onStartup(StartupEvent event) throws InterruptedException {
    TopicProvisioner.ensure(kafka, Topics.ALL);
    follower.start();
    if (!follower.awaitCaughtUp(catchUpTimeout)) {
      LOG.warn(
          "The listing version table did not catch up within {}; an old version may be sent again",
          catchUpTimeout);
    }
  }

  @PreDestroy
  void close() throws InterruptedException {
    follower.close();
  }
}
