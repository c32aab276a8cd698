package org.iprradar.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted {@code accounts} topic read from its beginning into memory and followed, so that
 * every service of a deployment, not only the one people sign in to, sees an account disabled or
 * changed within a poll. Alerts writes accounts; every service reads them through this.
 *
 * <p>Following starts on a thread of its own and keeps trying while the cluster is away, so a
 * service starts without Kafka as it did before it read accounts; until the topic has been read to
 * its end, {@link #ready()} is false.
 */
public final class AccountsFollower implements AccountDirectory, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AccountsFollower.class);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final KafkaSettings kafka;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread follower;
  private volatile KafkaConsumer<String, Account> consumer;
  private volatile boolean caughtUp;

  public AccountsFollower(KafkaSettings kafka) {
    this.kafka = kafka;
    this.follower = new Thread(this::followUntilClosed, "ipr-radar-accounts");
    follower.setDaemon(true);
  }

  /** Starts reading; returns at once. */
  public void start() {
    follower.start();
  }

  /**
   * Waits until every account written before the start has been read.
   *
   * @throws IllegalStateException when that takes longer than {@code wait}
   */
  public void awaitReady(Duration wait) {
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

  @Override
  public boolean ready() {
    return caughtUp;
  }

  @Override
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
   * Takes an account its writer knows Kafka has acknowledged, so that the writer reads its own
   * write at once rather than a poll later.
   */
  public void remember(Account account) {
    accounts.merge(account.name(), account, AccountsFollower::newer);
  }

  private void followUntilClosed() {
    while (running.get()) {
      try {
        follow();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (!running.get()) {
          return;
        }
        LOG.warn(
            "Cannot read the accounts topic ({}); trying again in {} s",
            e.getMessage(),
            RETRY.toSeconds());
        sleep();
      }
    }
  }

  private void follow() {
    TopicProvisioner.ensure(kafka, List.of(Topics.ACCOUNTS));
    Map<String, Object> config = new HashMap<>(kafka.clientConfig());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ipr-radar-accounts");
    var topic = Topics.ACCOUNTS;
    var reader =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    try {
      consumer = reader;
      if (!running.get()) {
        return;
      }
      var partitions =
          reader.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions);
      while (running.get()) {
        for (var record : reader.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            remember(record.value());
          }
        }
        if (!caughtUp
            && end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
          synchronized (this) {
            caughtUp = true;
            notifyAll();
          }
        }
      }
    } finally {
      consumer = null;
      // No group and no commits: nothing to wait for but the broker's goodbye, which may be gone.
      reader.close(CLOSE_WAIT);
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

  /** Waits before the next try; {@link #close()} ends the wait at once. */
  private void sleep() {
    synchronized (running) {
      try {
        if (running.get()) {
          running.wait(RETRY.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.set(false);
      }
    }
  }

  @Override
  public void close() {
    // Woken, not interrupted: an interrupt would break the consumer's own orderly close.
    synchronized (running) {
      running.set(false);
      running.notifyAll();
    }
    var reader = consumer;
    if (reader != null) {
      reader.wakeup();
    }
    try {
      follower.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
