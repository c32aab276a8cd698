package org.iprradar.alerts.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory: the compacted {@code accounts} topic read from its beginning into memory
 * and followed, so that every alerts instance signs people in against the same accounts. A write
 * waits for Kafka's acknowledgement and is then visible here at once (the follower brings the other
 * instances up to date within a poll).
 */
public final class AccountStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final KafkaSettings kafka;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final KafkaProducer<String, Account> producer;
  private final KafkaConsumer<String, Account> consumer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread follower;
  private volatile boolean caughtUp;
  private volatile boolean started;

  public AccountStore(KafkaSettings kafka) {
    this.kafka = kafka;
    var topic = Topics.ACCOUNTS;
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("ipr-radar-accounts"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    this.follower = new Thread(this::follow, "ipr-radar-accounts");
    follower.setDaemon(true);
  }

  /**
   * Creates the topic if needed, reads it to its end and keeps following it.
   *
   * @throws IllegalStateException when the topic cannot be read to its end within {@code wait}
   */
  public void start(Duration wait) {
    TopicProvisioner.ensure(kafka, List.of(Topics.ACCOUNTS));
    started = true;
    follower.start();
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (!caughtUp) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "could not read the accounts topic within " + wait.toSeconds() + " s");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading the accounts topic", e);
        }
      }
    }
  }

  private void follow() {
    try {
      var partitions =
          consumer.partitionsFor(Topics.ACCOUNTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running.get()) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            accounts.merge(record.key(), record.value(), AccountStore::newer);
          }
        }
        if (!caughtUp
            && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          synchronized (this) {
            caughtUp = true;
            notifyAll();
          }
        }
      }
    } catch (WakeupException e) {
      // Closing.
    } catch (RuntimeException e) {
      LOG.error("The accounts follower stopped: sign-in sees no further account changes", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The later of two versions of an account, so a re-read older record never undoes a write. */
  private static Account newer(Account held, Account read) {
    Instant heldAt = held.changedAt();
    Instant readAt = read.changedAt();
    if (heldAt != null && readAt != null && readAt.isBefore(heldAt)) {
      return held;
    }
    return read;
  }

  public Optional<Account> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(accounts.get(name));
  }

  public Collection<Account> all() {
    return List.copyOf(accounts.values());
  }

  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  /**
   * Writes the account and waits until Kafka has it.
   *
   * @throws IllegalStateException when Kafka does not acknowledge it
   */
  public void put(Account account) {
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
    accounts.merge(account.name(), account, AccountStore::newer);
  }

  @Override
  public void close() {
    running.set(false);
    if (started) {
      consumer.wakeup();
      try {
        follower.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      consumer.close(Duration.ofSeconds(5));
    }
    producer.close(Duration.ofSeconds(5));
  }
}
