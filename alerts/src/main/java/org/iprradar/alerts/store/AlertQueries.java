package org.iprradar.alerts.store;

import java.util.ArrayList;
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
    return page(filter, AlertSort.SCORE, 0, limit).alerts();
  }

  /**
   * One page of the alerts that pass the filter, in {@code sort} order, with how many pass in all.
   * Every call reads the whole local store: fine for the tens of thousands of alerts a city has.
   */
  public AlertsPage page(AlertFilter filter, AlertSort sort, int offset, int limit) {
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
    found.sort(sort.order());
    int from = Math.min(offset, found.size());
    int to = (int) Math.min((long) from + limit, found.size());
    return new AlertsPage(found.size(), List.copyOf(found.subList(from, to)));
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
