package org.iprradar.alerts.store;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.iprradar.alerts.triage.Triage;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.LogKeys;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Folds leads, analysts' actions and webhook outcomes, in the order they arrive, into the alert
 * store. Forwards the alert's new version after a lead or a new action (for webhook delivery), or
 * the event it refuses (an action for an unknown alert, an action the alert's status does not
 * allow) as its original bytes with the reason, for the dead-letter topic: a bad event must not
 * stop the stream thread.
 */
final class EventFolder implements FixedKeyProcessor<String, AlertEvent, Folded> {

  private static final Logger LOG = LoggerFactory.getLogger(EventFolder.class);

  private final AlertFolder leads;
  private FixedKeyProcessorContext<String, Folded> context;
  private TimestampedKeyValueStore<String, Alert> store;
  private KeyValueStore<String, String> statuses;
  private boolean statusesChecked;

  EventFolder(AlertFolder leads) {
    this.leads = leads;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Folded> context) {
    this.context = context;
    this.store = context.getStateStore(AlertsTopology.STORE);
    this.statuses = context.getStateStore(AlertsTopology.STATUS_STORE);
    this.statusesChecked = false;
  }

  @Override
  public void process(FixedKeyRecord<String, AlertEvent> record) {
    AlertEvent event = record.value();
    String key = record.key();
    String topic =
        event.lead() != null
            ? Topics.LEADS.name()
            : event.action() != null
                ? Topics.TRIAGE_ACTIONS.name()
                : Topics.ALERT_DELIVERY_OUTCOMES.name();
    PipelineMetrics.recordIn(AlertsTopology.APPLICATION_ID, topic);
    MDC.put(LogKeys.ALERT_ID, key);
    try {
      process(record, event, key, topic);
    } finally {
      MDC.remove(LogKeys.ALERT_ID);
    }
  }

  private void process(
      FixedKeyRecord<String, AlertEvent> record, AlertEvent event, String key, String topic) {
    try {
      if (!statusesChecked) {
        fillStatuses();
        statusesChecked = true;
      }
      Alert current = ValueAndTimestamp.getValueOrNull(store.get(key));
      if (event.delivery() != null) {
        // Stored, not forwarded: a new version for a delivery would be delivered again, forever.
        store.put(
            key, ValueAndTimestamp.make(withDelivery(key, event, current), record.timestamp()));
        return;
      }
      if (event.action() != null && isRepeat(key, event, current)) {
        LOG.info("Ignoring a repeat of request {} on alert {}", event.action().requestId(), key);
        return;
      }
      Alert next = fold(key, event, current);
      store.put(key, ValueAndTimestamp.make(next, record.timestamp()));
      if (current == null
          || !current.bureau().id().equals(next.bureau().id())
          || current.status() != next.status()) {
        // Only on a change: most leads fold into an alert whose bureau and status stay the same.
        statuses.put(key, status(next));
      }
      if (event.lead() != null) {
        PipelineMetrics.lead(next.bureau().id());
      }
      PipelineMetrics.recordsOut(AlertsTopology.APPLICATION_ID, Topics.ALERT_DELIVERIES.name(), 1);
      context.forward(record.withValue(new Folded(next, null)));
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering {} record with key {}: {}", topic, key, e.getMessage());
      var headers =
          DeadLetters.describe(
              record.headers(),
              context.recordMetadata(),
              topic,
              AlertsTopology.APPLICATION_ID,
              e.getMessage());
      context.forward(record.withValue(new Folded(null, event.original())).withHeaders(headers));
    }
  }

  /**
   * Fills the status store from the alert store when it is empty but the alerts are not: an alert
   * store written before the status store existed. Done at the first event, not in {@code init}, so
   * that the writes belong to that event's transaction (an abort leaves both stores as they were,
   * and the next start fills again).
   */
  private void fillStatuses() {
    try (var any = statuses.all()) {
      if (any.hasNext()) {
        return;
      }
    }
    int filled = 0;
    try (var all = store.all()) {
      while (all.hasNext()) {
        var kv = all.next();
        Alert alert = ValueAndTimestamp.getValueOrNull(kv.value);
        if (alert != null) {
          statuses.put(kv.key, status(alert));
          filled++;
        }
      }
    }
    if (filled > 0) {
      LOG.info("Filled the alert status store from {} stored alerts", filled);
    }
  }

  /** The status store's value: {@code BUREAU|STATUS}. */
  static String status(Alert alert) {
    return alert.bureau().id() + "|" + alert.status().name();
  }

  /**
   * True when the alert already records an action with this action's client request id: the client
   * sent it again (a retry after a timeout), and it must count once. The HTTP API answers a repeat
   * itself when the first is already folded; this catches repeats that raced past it.
   */
  private static boolean isRepeat(String key, AlertEvent event, Alert current) {
    return current != null
        && key.equals(event.action().alertId())
        && current.entryOfRequest(event.action().requestId()).isPresent();
  }

  private static Alert withDelivery(String key, AlertEvent event, Alert current) {
    var outcome = event.delivery();
    if (!key.equals(outcome.alertId())) {
      throw new IllegalArgumentException(
          "the outcome's alertId " + outcome.alertId() + " is not its record key " + key);
    }
    if (current == null) {
      throw new IllegalArgumentException("no alert with id " + key);
    }
    return current.withDelivery(outcome);
  }

  private Alert fold(String key, AlertEvent event, Alert current) {
    if (event.lead() != null) {
      return leads.fold(event.lead(), current);
    }
    var action = event.action();
    if (!key.equals(action.alertId())) {
      throw new IllegalArgumentException(
          "the action's alertId " + action.alertId() + " is not its record key " + key);
    }
    if (current == null) {
      throw new IllegalArgumentException("no alert with id " + key);
    }
    return Triage.apply(current, action);
  }
}
