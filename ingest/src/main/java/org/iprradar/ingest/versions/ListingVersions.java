package org.iprradar.ingest.versions;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The highest version of each listing key that is in Kafka or on its way there. A request reserves
 * a version before sending, so two requests racing with the same version on one instance cannot
 * both send it; a send that fails gives the reservation back, so a retry is not refused as a
 * duplicate of a record that was never kept.
 *
 * <p>Memory: one entry per versioned listing (roughly 100 bytes each; a million listings take about
 * 100 MB).
 */
@Singleton
public final class ListingVersions {

  private final ConcurrentHashMap<String, Long> latest = new ConcurrentHashMap<>();

  /**
   * Reserves {@code version} for {@code key} if it is higher than every version known.
   *
   * @return the reservation, or null when the version is not newer (a duplicate)
   */
  public Reservation reserve(String key, long version) {
    var won = new AtomicBoolean();
    var previous = new long[] {-1};
    latest.compute(
        key,
        (k, current) -> {
          if (current != null && current >= version) {
            return current;
          }
          won.set(true);
          previous[0] = current == null ? -1 : current;
          return version;
        });
    return won.get() ? new Reservation(key, version, previous[0]) : null;
  }

  /** Gives a reservation back after Kafka did not take the record. */
  public void release(Reservation reservation) {
    latest.computeIfPresent(
        reservation.key(),
        (k, current) ->
            current == reservation.version()
                ? (reservation.previous() < 0 ? null : reservation.previous())
                : current);
  }

  /** Records a version read from the topic, written by this or another instance. */
  public void observe(String key, long version) {
    // Most records read back are this instance's own, already reserved: a lock-free read settles
    // them without locking the map's bin.
    Long current = latest.get(key);
    if (current != null && current >= version) {
      return;
    }
    latest.merge(key, version, Math::max);
  }

  /** The highest version known for the key, or -1. */
  public long latest(String key) {
    return latest.getOrDefault(key, -1L);
  }

  /**
   * A version held for one key until its send completes.
   *
   * @param previous the version known before, or -1
   */
  public record Reservation(String key, long version, long previous) {}
}
