package org.iprradar.alerts.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest delivery outcomes of the most recently delivered alerts, in memory, for {@code GET
 * /api/v1/alerts/{id}/deliveries}. Deliberately simple: it is per instance, lost at restart, and
 * forgets the least recently delivered alerts beyond its capacity. The dead-letter topic stays the
 * durable record of failures.
 */
public final class DeliveryLog {

  /** Outcomes kept per alert; older ones are dropped first. */
  static final int PER_ALERT = 20;

  private final Map<String, List<DeliveryStatus>> byAlert;

  public DeliveryLog(int maxAlerts) {
    if (maxAlerts < 1) {
      throw new IllegalArgumentException("maxAlerts must be at least 1, was " + maxAlerts);
    }
    this.byAlert =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, List<DeliveryStatus>> eldest) {
            return size() > maxAlerts;
          }
        };
  }

  public synchronized void record(DeliveryStatus status) {
    var list = byAlert.computeIfAbsent(status.alertId(), id -> new ArrayList<>());
    list.add(status);
    if (list.size() > PER_ALERT) {
      list.remove(0);
    }
  }

  /** The outcomes of this alert, oldest first; empty when none is remembered. */
  public synchronized List<DeliveryStatus> of(String alertId) {
    var list = byAlert.get(alertId);
    return list == null ? List.of() : List.copyOf(list);
  }
}
