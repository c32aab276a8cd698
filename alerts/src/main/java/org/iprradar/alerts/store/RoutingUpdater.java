package org.iprradar.alerts.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingProblem;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.RoutingChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every valid record of the {@code routing} topic in force in the {@link RoutingBook}, on
 * every instance (it runs on the global thread, which reads every partition), and keeps the record
 * in force in the global store so that a restart starts from it. A record that cannot be read, has
 * another key, a table with problems, or a version no higher than the one in force is refused: the
 * routing in force stays, and the record goes to the dead-letter topic with every problem in the
 * reason. A global processor cannot forward, so dead letters are sent by a producer of their own.
 * Kafka Streams runs this processor also when it restores the store at start-up.
 */
final class RoutingUpdater implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingUpdater.class);
  private static final JsonSerde<RoutingChange> CHANGE = new JsonSerde<>(RoutingChange.class);

  private final RoutingBook book;
  private final Producer<byte[], byte[]> deadLetters;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, byte[]> store;

  /**
   * @param deadLetters where refused records go, or null to only log them (tests)
   */
  RoutingUpdater(RoutingBook book, Producer<byte[], byte[]> deadLetters) {
    this.book = book;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(AlertsTopology.ROUTING_STORE);
    // The store survives restarts and the book does not: start from the change in force then.
    byte[] stored = store.get(RoutingChange.KEY);
    if (stored == null) {
      return;
    }
    try {
      RoutingChange change = CHANGE.read(stored);
      // Kafka Streams may run a second instance of this processor to restore the store; the
      // change it put in force is not news.
      if (change.version() <= book.current().version()) {
        return;
      }
      var problems = book.apply(change);
      if (!problems.isEmpty()) {
        LOG.error("The stored routing is no longer valid, keeping the current: {}", problems);
      }
    } catch (RuntimeException e) {
      LOG.error("The stored routing cannot be read, keeping the current: {}", e.getMessage());
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      // Deleting the routing would route nowhere; the start-up file is no fallback at run time.
      refuse(record, List.of(new RoutingProblem("", "a tombstone cannot delete the routing")));
      return;
    }
    if (!RoutingChange.KEY.equals(record.key())) {
      refuse(
          record,
          List.of(
              new RoutingProblem(
                  "", "key '" + record.key() + "' is not '" + RoutingChange.KEY + "'")));
      return;
    }
    RoutingChange change;
    try {
      change = CHANGE.read(record.value());
    } catch (RuntimeException e) {
      refuse(record, List.of(new RoutingProblem("", e.getMessage())));
      return;
    }
    List<RoutingProblem> problems = book.apply(change);
    if (!problems.isEmpty()) {
      refuse(record, problems);
      return;
    }
    store.put(RoutingChange.KEY, record.value());
  }

  private void refuse(Record<String, byte[]> record, List<RoutingProblem> problems) {
    String reason =
        "routing refused, version "
            + book.current().version()
            + " stays in force: "
            + problems.stream().map(RoutingProblem::toString).collect(Collectors.joining("; "));
    var meta = context.recordMetadata();
    LOG.warn(
        "Dead-lettering routing record with key {} at offset {}: {}",
        record.key(),
        meta.map(m -> String.valueOf(m.offset())).orElse("?"),
        reason);
    if (deadLetters == null) {
      return;
    }
    var headers =
        DeadLetters.describe(
            new RecordHeaders(record.headers().toArray()),
            meta,
            Topics.ROUTING.name(),
            AlertsTopology.APPLICATION_ID,
            reason);
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    try {
      deadLetters.send(
          new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, key, record.value(), headers),
          (metadata, e) -> {
            if (e != null) {
              LOG.error("Could not dead-letter a routing record: {}", e.toString());
            }
          });
    } catch (RuntimeException e) {
      // The global thread must go on whatever the producer does; the log line above remains.
      LOG.error("Could not dead-letter a routing record: {}", e.toString());
    }
  }
}
