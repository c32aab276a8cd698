package org.iprradar.alerts.store;

import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.iprradar.common.model.Alert;

/**
 * Reads the alert store of another alerts instance. With several instances each holds only the
 * alerts of its partitions, so a query another instance can answer is asked of it.
 */
public interface PeerAlerts {

  /**
   * The alert, read from the peer's own store.
   *
   * @throws StoreUnavailableException naming the peer, when it does not answer in time or cannot
   *     read its store now
   */
  Optional<Alert> find(HostInfo peer, String id);

  /**
   * The first {@code limit} alerts of the peer's own store that pass the filter, in {@code sort}
   * order, with how many of its alerts pass in all.
   *
   * @throws StoreUnavailableException naming the peer, when it does not answer in time or cannot
   *     read its store now
   */
  AlertsPage page(HostInfo peer, PeerQuery query);
}
