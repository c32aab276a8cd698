package org.iprradar.alerts.account;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Account;
import org.iprradar.web.security.AccountsFollower;

/**
 * The account directory alerts signs people in against and administrators change: the compacted
 * {@code accounts} topic as every service follows it ({@link AccountsFollower}), and its writer. A
 * write waits for Kafka's acknowledgement and is then visible here at once; the other services and
 * instances see it within a poll.
 */
final class AccountStore implements AutoCloseable {

  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final AccountsFollower follower;
  private final KafkaProducer<String, Account> producer;

  AccountStore(KafkaSettings kafka, AccountsFollower follower) {
    this.follower = follower;
    var topic = Topics.ACCOUNTS;
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("ipr-radar-accounts"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
  }

  /**
   * Waits until every account already written has been read.
   *
   * @throws IllegalStateException when the topic cannot be read to its end within {@code wait}
   */
  void awaitReady(Duration wait) {
    follower.awaitReady(wait);
  }

  Optional<Account> find(String name) {
    return follower.find(name);
  }

  Collection<Account> all() {
    return follower.all();
  }

  boolean isEmpty() {
    return follower.isEmpty();
  }

  /**
   * Writes the account and waits until Kafka has it.
   *
   * @throws IllegalStateException when Kafka does not acknowledge it
   */
  void put(Account account) {
    try {
      producer
          .send(new ProducerRecord<>(Topics.ACCOUNTS.name(), account.name(), account))
          .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing account " + account.name(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Kafka did not take account " + account.name() + ": " + e.getMessage(), e);
    }
    follower.remember(account);
  }

  /** Closes the writer; the follower is the context's, shared with the token check. */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
