package org.iprradar.alerts.store;

import java.util.Objects;

/**
 * What one instance asks another for when a list spans the whole cluster: the peer's first {@code
 * limit} alerts that pass the filter, in {@code sort} order.
 */
public record PeerQuery(AlertFilter filter, AlertSort sort, int limit) {

  public PeerQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sort, "sort");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be at least 0, was " + limit);
    }
  }
}
