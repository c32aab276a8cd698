package org.iprradar.alerts.store;

import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topic;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.TriageAction;

/**
 * Builds the alerts topology. An alert is derived from two event streams that share its key: the
 * leads (evidence) and the analysts' actions (status and history).
 *
 * <pre>
 * leads ────────────────────▶ read ─┬─▶ merge ─▶ fold into store "alerts" ─┬─▶ refused ─┐
 *                                   │                  (and "alert-status")   │            │
 * triage-actions ───────────▶ read ─┤                                         │            ├─▶ dead-letters
 * alert-delivery-outcomes ──▶ read ─┤                                         │            │
 *                                   └─▶ unreadable ───────────────────────────┼────────────┘
 *                                                                             └─▶ new version ─▶ alert-deliveries
 * routing ──▶ (global) check ─┬─▶ routing in force (read by the fold at every lead)
 *                              └─▶ refused ─▶ dead-letters
 * </pre>
 *
 * Webhooks are sent by a separate consumer of {@code alert-deliveries}, so that a slow bureau never
 * holds up the stream thread; it writes each outcome to {@code alert-delivery-outcomes}, which is
 * folded into the alert without making a new version to deliver (that would loop), and so is a
 * repeated action.
 *
 * <p>The three topics are keyed by alert id and have the same partition count, so one task sees
 * every event of an alert, in the order of its partitions.
 */
public final class AlertsTopology {

  public static final String APPLICATION_ID = "ipr-radar-alerts";
  public static final String STORE = "alerts";

  /**
   * Each alert's bureau and status ({@code BUREAU|STATUS} by alert id), written by the fold in the
   * same transaction as the alert: what the {@code ipr_alerts} gauge counts without reading the
   * alerts themselves.
   */
  public static final String STATUS_STORE = "alert-status";

  /** The global store of the routing change in force, read from the {@code routing} topic. */
  public static final String ROUTING_STORE = "routing";

  private static final JsonSerde<Lead> LEAD = new JsonSerde<>(Lead.class);
  private static final JsonSerde<TriageAction> ACTION = new JsonSerde<>(TriageAction.class);
  private static final JsonSerde<DeliveryOutcome> OUTCOME = new JsonSerde<>(DeliveryOutcome.class);

  private AlertsTopology() {}

  /** The topology with refused routing changes only logged. */
  public static Topology build(AlertFolder folder) {
    return build(folder, null);
  }

  /**
   * @param routingDeadLetters sends refused records of the {@code routing} topic to the dead-letter
   *     topic (the global thread that reads them cannot forward); null to only log them
   */
  public static Topology build(AlertFolder folder, Producer<byte[], byte[]> routingDeadLetters) {
    return build(folder, routingDeadLetters, AlertCodec.DEFAULT_CACHE_BYTES);
  }

  /**
   * @param codecCacheBytes JSON bytes of recently written alerts the store's codec keeps, so that
   *     the next lead of one of them does not parse it again (see {@link AlertCodec})
   */
  public static Topology build(
      AlertFolder folder, Producer<byte[], byte[]> routingDeadLetters, long codecCacheBytes) {
    var builder = new StreamsBuilder();
    // Global, so that every instance routes with the same table whatever partitions it owns.
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROUTING_STORE), Serdes.String(), Serdes.ByteArray())
            // A global store is restored from its source topic; a changelog would only copy it.
            .withLoggingDisabled(),
        Topics.ROUTING.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("routing-in"),
        () -> new RoutingUpdater(folder.routing(), routingDeadLetters));
    // Timestamped, like the store the DSL aggregate made before triage, so that an existing
    // changelog restores into it unchanged.
    // One codec for the store and alert-deliveries: a folded alert is serialised once for both,
    // and the alert read back at its next event is the one built, not parsed again.
    var alertCodec = new AlertCodec(codecCacheBytes);
    builder.addStateStore(
        Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore(STORE), Serdes.String(), alertCodec));
    // Changelogged like the alert store, so that it restores, moves with its partition and rolls
    // back with an aborted transaction exactly as the alerts do.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STATUS_STORE), Serdes.String(), Serdes.String()));
    var leads =
        read(
            builder,
            Topics.LEADS,
            "lead",
            bytes -> new AlertEvent(LEAD.read(bytes), null, null, bytes));
    var actions =
        read(
            builder,
            Topics.TRIAGE_ACTIONS,
            "action",
            bytes -> new AlertEvent(null, ACTION.read(bytes), null, bytes));
    var outcomes =
        read(
            builder,
            Topics.ALERT_DELIVERY_OUTCOMES,
            "delivery-outcome",
            bytes -> new AlertEvent(null, null, OUTCOME.read(bytes), bytes));
    var branches =
        leads
            .merge(actions, Named.as("merge-events"))
            .merge(outcomes, Named.as("merge-outcomes"))
            .split(Named.as("event-"))
            .branch((key, event) -> event.readable(), Branched.as("read"))
            .defaultBranch(Branched.as("unreadable"));
    var folded =
        branches
            .get("event-read")
            .processValues(
                () -> new EventFolder(folder), Named.as("fold-alert"), STORE, STATUS_STORE)
            .split(Named.as("folded-"))
            .branch((key, result) -> result.wasRefused(), Branched.as("refused"))
            .defaultBranch(Branched.as("alert"));
    var refused =
        folded.get("folded-refused").mapValues(Folded::refused, Named.as("refused-bytes"));
    folded
        .get("folded-alert")
        .mapValues(Folded::alert, Named.as("alert-version"))
        .to(
            Topics.ALERT_DELIVERIES.name(),
            Produced.with(Topics.ALERT_DELIVERIES.keySerde(), alertCodec)
                .withName("alert-deliveries-out"));
    var unreadable =
        branches
            .get("event-unreadable")
            .mapValues(AlertEvent::original, Named.as("original-bytes"));
    DeadLetters.write(refused.merge(unreadable, Named.as("merge-dead-letters")));
    return builder.build();
  }

  private static KStream<String, AlertEvent> read(
      StreamsBuilder builder,
      Topic<String, ?> topic,
      String name,
      Function<byte[], AlertEvent> parse) {
    return builder.stream(
            topic.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "s-in"))
        .filter(
            (key, value) -> key != null && value != null, Named.as("skip-" + name + "-tombstones"))
        .processValues(() -> new EventReader(topic.name(), parse), Named.as("read-" + name));
  }
}
