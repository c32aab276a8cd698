package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.iprradar.common.model.Alert;

/** Reads alerts from the local alert store. */
public final class AlertQueries {

  private final Supplier<KafkaStreams> streams;

  public AlertQueries(Supplier<KafkaStreams> streams) {
    this.streams = streams;
  }

  public Optional<Alert> find(String id) {
    try {
      return Optional.ofNullable(store().get(id));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  /** Alerts that pass the filter, highest score first, then most recently updated. */
  public List<Alert> list(AlertFilter filter, int limit) {
    var found = new ArrayList<Alert>();
    try (var all = store().all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value != null && filter.test(kv.value)) {
              found.add(kv.value);
            }
          });
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    found.sort(
        Comparator.comparingDouble(Alert::score)
            .reversed()
            .thenComparing(Alert::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return found.subList(0, Math.min(limit, found.size()));
  }

  private ReadOnlyKeyValueStore<String, Alert> store() {
    try {
      return streams
          .get()
          .store(
              StoreQueryParameters.fromNameAndType(
                  AlertsTopology.STORE, QueryableStoreTypes.<String, Alert>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private static StoreUnavailableException unavailable(InvalidStateStoreException e) {
    return new StoreUnavailableException(
        "the alert store is not ready (starting or rebalancing): " + e.getMessage(), e);
  }
}
