package org.iprradar.ingest.versions;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

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
   * This instance's writer id, sent with every versioned record it writes so that its follower can
   * pass over its own records: their versions were reserved here before they were sent.
   */
  private final byte[] writerId = newWriterId();

  /** Keys whose reservation was given back: their records may be in Kafka all the same. */
  private final Set<String> released = ConcurrentHashMap.newKeySet();

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
    // A send that timed out may still have been written; the follower then reads the record as if
    // another instance had written it, so that the table learns its version after all.
    released.add(reservation.key());
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

  /** The id this instance writes in each versioned record's writer header (16 random bytes). */
  public byte[] writerId() {
    return writerId.clone();
  }

  /**
   * True when a record this instance wrote needs no look-up: its version was reserved in this table
   * before the send, and no reservation for the key was given back since.
   *
   * @param writer the record's writer header, or null
   * @param key the record's key, read only when a reservation was ever given back
   */
  public boolean ownAndSettled(byte[] writer, Supplier<String> key) {
    if (writer == null || !Arrays.equals(writer, writerId)) {
      return false;
    }
    return released.isEmpty() || !released.contains(key.get());
  }

  private static byte[] newWriterId() {
    var id = new byte[16];
    new SecureRandom().nextBytes(id);
    return id;
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
