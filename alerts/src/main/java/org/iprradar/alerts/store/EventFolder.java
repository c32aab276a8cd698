package org.iprradar.alerts.store;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.iprradar.alerts.triage.Triage;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds leads and analysts' actions, in the order they arrive, into the alert store. Forwards the
 * alert's new version (for webhook delivery), or the event it refuses (an action for an unknown
 * alert, an action the alert's status does not allow) as its original bytes with the reason, for
 * the dead-letter topic: a bad event must not stop the stream thread.
 */
final class EventFolder implements FixedKeyProcessor<String, AlertEvent, Folded> {

  private static final Logger LOG = LoggerFactory.getLogger(EventFolder.class);

  private final AlertFolder leads;
  private FixedKeyProcessorContext<String, Folded> context;
  private TimestampedKeyValueStore<String, Alert> store;

  EventFolder(AlertFolder leads) {
    this.leads = leads;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Folded> context) {
    this.context = context;
    this.store = context.getStateStore(AlertsTopology.STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, AlertEvent> record) {
    AlertEvent event = record.value();
    String key = record.key();
    String topic = event.lead() != null ? Topics.LEADS.name() : Topics.TRIAGE_ACTIONS.name();
    try {
      Alert current = ValueAndTimestamp.getValueOrNull(store.get(key));
      Alert next = fold(key, event, current);
      store.put(key, ValueAndTimestamp.make(next, record.timestamp()));
      context.forward(record.withValue(new Folded(next, null)));
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering {} record with key {}: {}", topic, key, e.getMessage());
      var headers =
          DeadLetters.describe(
              record.headers(), topic, AlertsTopology.APPLICATION_ID, e.getMessage());
      context.forward(record.withValue(new Folded(null, event.original())).withHeaders(headers));
    }
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
