package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Account;
import org.iprradar.web.security.AccountsFollower;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service follows the accounts topic (the token check of ingest and detect deployed apart
 * depends on it): it starts while the cluster is away, is not ready until it has read the topic,
 * and sees an administrator's later change within seconds.
 */
class AccountsFollowerIT {

  @Test
  void followsTheAccountsOnceTheClusterComesAndSeesLaterChanges(@TempDir Path dir)
      throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var settings = new KafkaSettings("localhost:" + port, 1, (short) 1, null);
    try (var follower = new AccountsFollower(settings)) {
      follower.start();
      Thread.sleep(2_000);
      assertFalse(follower.ready(), "no cluster yet: it cannot know who was disabled");

      try (var broker = EmbeddedKafkaBroker.start(dir, port, 1);
          var producer =
              new KafkaProducer<>(
                  settings.durableProducerConfig("accounts-test"),
                  Topics.ACCOUNTS.keySerde().serializer(),
                  Topics.ACCOUNTS.valueSerde().serializer())) {
        follower.awaitReady(Duration.ofSeconds(90));
        producer.send(record(operator(false))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> follower.find("op.zhang").isPresent());

        producer.send(record(operator(true))).get();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> follower.find("op.zhang").orElseThrow().disabled());
        assertTrue(follower.ready());
      }
    }
  }

  private static ProducerRecord<String, Account> record(Account account) {
    return new ProducerRecord<>(Topics.ACCOUNTS.name(), account.name(), account);
  }

  private static Account operator(boolean disabled) {
    return new Account(
        "op.zhang", "张工", Set.of("OPERATOR"), null, null, null, disabled, "admin", Instant.now());
  }
}
