package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.iprradar.common.model.Alert;

/**
 * Reads alerts from the alert store. A single instance (no advertised address) reads only its own
 * store, which then holds every partition. With several instances each store holds the alerts of
 * its partitions only: an alert is read from the instance Kafka Streams says holds its key, and a
 * list asks every instance holding a part of the store and merges the answers. An instance that
 * cannot answer makes the query fail as unavailable, never answer a shorter list.
 */
public final class AlertQueries {

  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final Supplier<KafkaStreams> streams;
  private final HostInfo self;
  private final PeerAlerts peers;

  /** Queries of a single instance: its store holds every alert. */
  public AlertQueries(Supplier<KafkaStreams> streams) {
    this(streams, null, null);
  }

  /**
   * Queries of one instance among several.
   *
   * @param self the address this instance advertises as {@code application.server}; null for a
   *     single instance
   * @param peers how to ask the other instances
   */
  public AlertQueries(Supplier<KafkaStreams> streams, HostInfo self, PeerAlerts peers) {
    if (self != null && peers == null) {
      throw new IllegalArgumentException("an instance with an address needs a way to reach peers");
    }
    this.streams = streams;
    this.self = self;
    this.peers = peers;
  }

  /** The alert, from whichever instance holds it. */
  public Optional<Alert> find(String id) {
    if (self == null) {
      return readLocal(id);
    }
    HostInfo holder = holderOf(id);
    return holder.equals(self) ? readLocal(id) : peers.find(holder, id);
  }

  /**
   * The alert from this instance's store only, as a peer asks for it. Refuses (unavailable) when
   * the alert's partition is no longer here, so that a peer with an out-of-date view of the
   * partitions is never told "no such alert" for an alert another instance holds.
   */
  public Optional<Alert> findHere(String id) {
    if (self != null) {
      HostInfo holder = holderOf(id);
      if (!holder.equals(self)) {
        throw new StoreUnavailableException(
            "alert " + id + " is held by alerts instance " + address(holder) + ", not here", null);
      }
    }
    return readLocal(id);
  }

  /** Alerts that pass the filter, highest score first, then most recently updated. */
  public List<Alert> list(AlertFilter filter, int limit) {
    return page(filter, AlertSort.SCORE, 0, limit).alerts();
  }

  /**
   * One page of the alerts that pass the filter, in {@code sort} order, with how many pass in all,
   * over every instance. Each instance answers its first {@code offset + limit} matches; merging
   * those and skipping {@code offset} gives the same page as one store holding everything. Every
   * call reads every store in full: fine for the tens of thousands of alerts a city has.
   */
  public AlertsPage page(AlertFilter filter, AlertSort sort, int offset, int limit) {
    if (self == null) {
      return readLocal(filter, sort, offset, limit);
    }
    int wanted = (int) Math.min((long) offset + limit, Integer.MAX_VALUE);
    var query = new PeerQuery(filter, sort, wanted);
    long total = 0;
    var merged = new ArrayList<Alert>();
    for (StreamsMetadata instance : holders()) {
      HostInfo host = instance.hostInfo();
      AlertsPage part = host.equals(self) ? pageHere(query) : peers.page(host, query);
      total += part.total();
      merged.addAll(part.alerts());
    }
    return slice(merged, sort, offset, limit, (int) Math.min(total, Integer.MAX_VALUE));
  }

  /** The first alerts of this instance's store only, as a peer asks for them. */
  public AlertsPage pageHere(PeerQuery query) {
    return readLocal(query.filter(), query.sort(), 0, query.limit());
  }

  /**
   * How many alerts of this instance's store have each bureau and status, keyed {@code
   * BUREAU|STATUS}: a read of the small status store, not of the alerts.
   */
  public Map<String, Long> statusCountsHere() {
    var counts = new HashMap<String, Long>();
    try (var all =
        streams
            .get()
            .store(
                StoreQueryParameters.fromNameAndType(
                    AlertsTopology.STATUS_STORE,
                    QueryableStoreTypes.<String, String>keyValueStore()))
            .all()) {
      all.forEachRemaining(kv -> counts.merge(kv.value, 1L, Long::sum));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    return counts;
  }

  private HostInfo holderOf(String id) {
    KeyQueryMetadata metadata;
    try {
      metadata = streams.get().queryMetadataForKey(AlertsTopology.STORE, id, KEYS);
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw new StoreUnavailableException(
          "the alert store is not ready (starting or rebalancing): " + e.getMessage(), e);
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new StoreUnavailableException(
          "no alerts instance holds the partition of alert " + id + " yet (rebalancing)", null);
    }
    return metadata.activeHost();
  }

  /**
   * Every instance that holds an active part of the store. Only while Streams is running: during a
   * rebalance the partitions are moving, and a list assembled then could miss some.
   */
  private List<StreamsMetadata> holders() {
    KafkaStreams running = streams.get();
    if (running.state() != KafkaStreams.State.RUNNING) {
      throw new StoreUnavailableException(
          "the alert store is not ready (Streams is " + running.state() + ")", null);
    }
    List<StreamsMetadata> holders;
    try {
      // Active copies only: an instance with just a standby copy answers from none of it.
      holders =
          running.streamsMetadataForStore(AlertsTopology.STORE).stream()
              .filter(instance -> instance.stateStoreNames().contains(AlertsTopology.STORE))
              .toList();
    } catch (InvalidStateStoreException | IllegalStateException e) {
      throw new StoreUnavailableException(
          "the alert store is not ready (starting or rebalancing): " + e.getMessage(), e);
    }
    if (holders.isEmpty()) {
      throw new StoreUnavailableException(
          "no alerts instance holds a part of the alert store yet (rebalancing)", null);
    }
    return holders;
  }

  private Optional<Alert> readLocal(String id) {
    try {
      return Optional.ofNullable(store().get(id));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private AlertsPage readLocal(AlertFilter filter, AlertSort sort, int offset, int limit) {
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
    return slice(found, sort, offset, limit, found.size());
  }

  private static AlertsPage slice(
      List<Alert> alerts, AlertSort sort, int offset, int limit, int total) {
    alerts.sort(sort.order());
    int from = Math.min(offset, alerts.size());
    int to = (int) Math.min((long) from + limit, alerts.size());
    return new AlertsPage(total, List.copyOf(alerts.subList(from, to)));
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

  /** {@code host:port}, as operators configure it. */
  public static String address(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  private static StoreUnavailableException unavailable(InvalidStateStoreException e) {
    return new StoreUnavailableException(
        "the alert store is not ready (starting or rebalancing): " + e.getMessage(), e);
  }
}
