package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.alerts.route.InvalidRoutingException;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingDiff;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingProblem;
import org.iprradar.alerts.route.RoutingTable;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.alerts.store.AlertSort;
import org.iprradar.alerts.store.RoutingPreview;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.RoutingChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the routing while alerts runs: validates a change, writes it to the {@code routing} topic
 * (from which every instance's topology puts it in force), reads the topic back as the history, and
 * previews a draft against the open alerts without writing anything.
 */
@Singleton
public final class RoutingService implements AutoCloseable {

  /** Longer than the producer's delivery timeout, so that its own error is what we report. */
  private static final Duration ACK_WAIT = Duration.ofSeconds(35);

  private static final Logger LOG = LoggerFactory.getLogger(RoutingService.class);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
  private static final JsonSerde<RoutingChange> CHANGE = new JsonSerde<>(RoutingChange.class);

  private final RoutingBook book;
  private final RoutingTable startUp;
  private final AlertsService alerts;
  private final KafkaSettings kafka;
  private final Producer<String, RoutingChange> producer;
  private final Clock clock = Clock.systemUTC();

  RoutingService(
      RoutingBook book,
      AlertsService alerts,
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers) {
    this.book = book;
    this.startUp = book.initial().table();
    this.alerts = alerts;
    this.kafka = new KafkaSettings(bootstrapServers, 1, (short) 1, security.clientOverrides());
    this.producer =
        new KafkaProducer<>(
            kafka.durableProducerConfig("ipr-radar-alerts-routing"),
            Topics.ROUTING.keySerde().serializer(),
            Topics.ROUTING.valueSerde().serializer());
  }

  /** The routing this instance routes with now. */
  public RoutingInForce current() {
    return book.current();
  }

  /**
   * Checks the change and writes it as the next version once Kafka has acknowledged it. The
   * topology puts it in force a moment later.
   *
   * @return the change as written, with its version
   * @throws InvalidRoutingException with every problem of the request and its table
   * @throws RoutingVersionConflictException when {@code baseVersion} is not the version in force
   * @throws ActionNotStoredException when Kafka did not acknowledge it
   */
  public synchronized RoutingChange submit(RoutingRequest request) {
    RoutingInForce inForce = book.current();
    var problems = new ArrayList<RoutingProblem>();
    if (request.changedBy() == null || request.changedBy().isBlank()) {
      problems.add(new RoutingProblem("changedBy", "missing; who makes the change"));
    }
    if (request.table() == null || request.table().isNull()) {
      problems.add(new RoutingProblem("table", "missing; the whole routing table"));
    }
    var change =
        new RoutingChange(
            inForce.version() + 1,
            request.changedBy() == null ? null : request.changedBy().strip(),
            clock.instant(),
            request.comment(),
            request.table());
    if (request.table() != null && !request.table().isNull()) {
      try {
        RoutingBook.check(change, inForce.version());
      } catch (InvalidRoutingException e) {
        e.problems().stream().map(RoutingService::inTable).forEach(problems::add);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRoutingException(problems);
    }
    if (request.baseVersion() != null && request.baseVersion() != inForce.version()) {
      throw new RoutingVersionConflictException(request.baseVersion(), inForce.version());
    }
    try {
      producer
          .send(new ProducerRecord<>(Topics.ROUTING.name(), RoutingChange.KEY, change))
          .get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionNotStoredException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new ActionNotStoredException("Kafka did not take the routing change: " + cause, cause);
    }
    LOG.info(
        "Routing version {} written by {}: {}",
        change.version(),
        change.changedBy(),
        change.comment());
    return change;
  }

  /** A problem of the table, with its path from the request body's root. */
  private static RoutingProblem inTable(RoutingProblem problem) {
    if (problem.path().equals("version")) {
      return problem;
    }
    return new RoutingProblem(
        problem.path().isEmpty() ? "table" : "table." + problem.path(), problem.reason());
  }

  /**
   * Where the open alerts would go under the draft table; writes nothing.
   *
   * @throws InvalidRoutingException with every problem of the draft
   */
  public RoutingPreview preview(RoutingRequest draft) {
    if (draft.table() == null || draft.table().isNull()) {
      throw new InvalidRoutingException(
          List.of(new RoutingProblem("table", "missing; the whole routing table")));
    }
    RoutingInForce inForce = book.current();
    RoutingInForce drafted;
    try {
      drafted =
          RoutingInForce.of(
              inForce.version() + 1,
              draft.changedBy(),
              null,
              draft.comment(),
              RoutingTableLoader.read(draft.table()));
    } catch (InvalidRoutingException e) {
      throw new InvalidRoutingException(
          e.problems().stream().map(RoutingService::inTable).toList());
    }
    var open =
        alerts.queries().page(AlertFilter.ALL, AlertSort.SCORE, 0, Integer.MAX_VALUE).alerts();
    return RoutingPreview.of(inForce.version(), open, drafted);
  }

  /**
   * Every record of the {@code routing} topic, oldest first, each marked as the topology judged it:
   * put in force, or refused with its problems.
   */
  public List<RoutingHistoryEntry> history() {
    var records = readTopic();
    var entries = new ArrayList<RoutingHistoryEntry>();
    // The start-up table of this instance: what the first version changed.
    RoutingTable inForce = startUp;
    int inForceVersion = 0;
    for (var record : records) {
      RoutingChange change = null;
      List<RoutingProblem> problems;
      List<String> changes = List.of();
      if (record.value() == null) {
        problems = List.of(new RoutingProblem("", "a tombstone cannot delete the routing"));
      } else if (!RoutingChange.KEY.equals(record.key())) {
        problems = List.of(new RoutingProblem("", "key '" + record.key() + "' is not 'table'"));
      } else {
        try {
          change = CHANGE.read(record.value());
          RoutingTable table = RoutingBook.check(change, inForceVersion).table();
          problems = List.of();
          changes = RoutingDiff.between(inForce, table);
          inForce = table;
          inForceVersion = change.version();
        } catch (InvalidRoutingException e) {
          problems = e.problems();
        } catch (RuntimeException e) {
          problems = List.of(new RoutingProblem("", e.getMessage()));
        }
      }
      entries.add(
          new RoutingHistoryEntry(
              record.offset(),
              change == null ? null : change.version(),
              change == null ? null : change.changedBy(),
              change == null ? null : change.changedAt(),
              change == null ? null : change.comment(),
              problems.isEmpty(),
              problems,
              changes,
              change == null ? null : change.table()));
    }
    return entries;
  }

  /** The whole topic, committed records only, in the order of its partitions' offsets. */
  private List<ConsumerRecord<String, byte[]>> readTopic() {
    Map<String, Object> config = kafka.clientConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var found = new ArrayList<ConsumerRecord<String, byte[]>>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(Topics.ROUTING.name(), READ_TIMEOUT).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new ActionNotStoredException(
              "could not read the routing topic within " + READ_TIMEOUT, null);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(found::add);
      }
    }
    // One key, so one partition: its offsets are the order of writing.
    found.sort(
        Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
            .thenComparingLong(ConsumerRecord::offset));
    return found;
  }

  @PreDestroy
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
