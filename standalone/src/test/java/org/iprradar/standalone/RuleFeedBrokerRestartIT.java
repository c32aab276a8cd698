package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule feed rides out a broker restart and applies what is written after it. */
class RuleFeedBrokerRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("localhost", 0));
      return socket.getLocalPort();
    }
  }

  private static void send(String bootstrap, String ruleId, String word) throws Exception {
    String json =
        String.format(
            "{\"id\":\"%s\",\"query\":\"\\\"%s\\\"\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\","
                + "\"weight\":40,\"enabled\":true}",
            ruleId, word);
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.RULES.name(), ruleId, json)).get();
    }
  }

  private static boolean inForce(RuleBook book, String ruleId) {
    return book.get().matcher().rules().stream().map(MatchRule::id).anyMatch(ruleId::equals);
  }

  @Test
  void shouldApplyRulesWrittenAfterTheBrokerCameBack(@TempDir Path dir) throws Exception {
    int port = freePort();
    var broker = EmbeddedKafkaBroker.start(dir, port, 1);
    var kafka = new KafkaSettings(broker.bootstrapServers(), 1, (short) 1, null);
    TopicProvisioner.ensure(kafka, Topics.ALL);
    var book = new RuleBook(new ListingAnalyzer(), 25, Presearcher.TERM_FILTERED);
    try (var feed = RuleFeed.create(kafka, book)) {
      feed.start();
      assertTrue(feed.awaitCaughtUp(WAIT));
      send(broker.bootstrapServers(), "before-restart", "鹿标特供");
      await().atMost(WAIT).until(() -> inForce(book, "before-restart"));

      // When the broker goes away for a while and comes back on the same port with its data
      broker.close();
      Thread.sleep(3_000); // long enough for the feed's polls to fail and retry
      broker = EmbeddedKafkaBroker.start(dir, port, 1);

      // Then the feed reads on where it was
      send(broker.bootstrapServers(), "after-restart", "狐标特供");
      await().atMost(WAIT).until(() -> inForce(book, "after-restart"));
      assertTrue(inForce(book, "before-restart"));
    } finally {
      broker.close();
    }
  }
}
