package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.FeedIngestor;
import org.iprradar.ingest.http.Feeds;
import org.iprradar.ingest.http.IngestResponse;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.validate.RecordSplitter;
import org.iprradar.ingest.versions.ListingVersions;
import org.iprradar.ingest.versions.VersionFollower;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest instances share the listings topic: a version the first wrote is a duplicate for the
 * second, both for what was written before the second started and for what is written after.
 */
class ListingVersionsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  /** One ingest instance: its own producer, version table and follower of the topic. */
  private record Instance(
      FeedPublisher publisher, Feeds feeds, ListingVersions versions, VersionFollower follower)
      implements AutoCloseable {

    static Instance start(KafkaSettings kafka) throws InterruptedException {
      var versions = new ListingVersions();
      var follower = new VersionFollower(kafka, versions);
      follower.start();
      assertTrue(follower.awaitCaughtUp(WAIT));
      return new Instance(
          new FeedPublisher(
              new KafkaProducer<>(
                  kafka.durableProducerConfig("versions-it"),
                  new StringSerializer(),
                  new ByteArraySerializer()),
              10_000),
          new Feeds(versions, Map.<String, BigDecimal>of()),
          versions,
          follower);
    }

    String post(String listingId, long version) throws Exception {
      String body =
          String.format(
              "{\"platform\":\"multi\",\"listingId\":\"%s\",\"title\":\"t\",\"price\":1,"
                  + "\"sellerId\":\"s\",\"version\":%d}",
              listingId, version);
      IngestResponse response =
          new FeedIngestor(publisher)
              .ingest(
                  feeds.listings(),
                  RecordSplitter.split(body.getBytes(StandardCharsets.UTF_8), false),
                  Map.of())
              .get();
      return response.results().get(0).status();
    }

    @Override
    public void close() throws InterruptedException {
      publisher.close();
      follower.close();
    }
  }

  @Test
  void shouldAnswerDuplicateForVersionsAnotherInstanceWrote() throws Exception {
    try (var broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, 2)) {
      var kafka = new KafkaSettings(broker.bootstrapServers(), 2, (short) 1, null);
      TopicProvisioner.ensure(kafka, Topics.ALL);
      try (var first = Instance.start(kafka)) {
        assertEquals("accepted", first.post("m-1", 3));

        // Given a second instance started after the first wrote version 3
        try (var second = Instance.start(kafka)) {
          // Then it knows version 3 from the topic
          assertEquals("duplicate", second.post("m-1", 3));
          assertEquals("duplicate", second.post("m-1", 2));

          // And a version the first writes later reaches the second within moments
          assertEquals("accepted", first.post("m-1", 5));
          await().atMost(WAIT).until(() -> second.versions().latest("multi:m-1") == 5);
          assertEquals("duplicate", second.post("m-1", 4));
          assertEquals("accepted", second.post("m-1", 6));
        }
      }
    }
  }
}
