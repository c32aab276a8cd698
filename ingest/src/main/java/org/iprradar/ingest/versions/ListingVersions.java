package org.iprradar.ingest.versions;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
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

  /** Between the version and the writer tag in the version header. */
  static final byte TAG_SEPARATOR = '@';

  private final ConcurrentHashMap<String, Long> latest = new ConcurrentHashMap<>();

  /**
   * This instance's writer tag (16 hex digits, random per start), written after the version in each
   * versioned record's header so that its follower can pass over its own records: their versions
   * were reserved here before they were sent.
   */
  private final byte[] writerTag = newWriterTag();

  /** Keys whose reservation was given back: their records may be in Kafka all the same. */
  private final Set<String> released = ConcurrentHashMap.newKeySet();

  /** Whether {@link #released} ever held a key; read for every record the follower reads. */
  private volatile boolean anyReleased;

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
    anyReleased = true;
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

  /**
   * The version header's value for a record this instance writes: the version's digits, {@code @},
   * and this instance's writer tag, in ASCII.
   */
  public byte[] versionHeader(long version) {
    byte[] digits = Long.toString(version).getBytes(StandardCharsets.US_ASCII);
    byte[] value = Arrays.copyOf(digits, digits.length + 1 + writerTag.length);
    value[digits.length] = TAG_SEPARATOR;
    System.arraycopy(writerTag, 0, value, digits.length + 1, writerTag.length);
    return value;
  }

  /**
   * True when a record needs no look-up because this instance wrote it: its version was reserved in
   * this table before the send, and no reservation for the key was given back since.
   *
   * @param header the record's version header
   * @param separator where {@code @} is in it, or -1 when the header has no writer tag
   * @param key the record's key, read only when a reservation was ever given back
   */
  boolean ownAndSettled(byte[] header, int separator, Supplier<String> key) {
    if (separator < 0
        || header.length - separator - 1 != writerTag.length
        || !Arrays.equals(header, separator + 1, header.length, writerTag, 0, writerTag.length)) {
      return false;
    }
    return !anyReleased || !released.contains(key.get());
  }

  private static byte[] newWriterTag() {
    var id = new byte[8];
    new SecureRandom().nextBytes(id);
    return HexFormat.of().formatHex(id).getBytes(StandardCharsets.US_ASCII);
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
