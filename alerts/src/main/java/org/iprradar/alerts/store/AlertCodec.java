package org.iprradar.alerts.store;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;

/**
 * The alerts' JSON serde for the alert store and the {@code alert-deliveries} topic, the same bytes
 * as {@code JsonSerde<Alert>}, that spares the fold most of its JSON work. Folding a lead reads the
 * alert from the store, writes it back and sends it to {@code alert-deliveries}: three passes of
 * Jackson over an alert of up to 50 assessments, which were two thirds of the alerts thread under
 * load. Here:
 *
 * <ul>
 *   <li>an alert written is serialised once for the store and the topic (the last value written is
 *       remembered by identity);
 *   <li>an alert read whose bytes equal those of an alert this serde wrote recently is the alert
 *       already built, not parsed again;
 *   <li>a new version copies the JSON of each assessment it shares with the version this thread
 *       last read (or this serde last wrote) from that version's bytes, and writes only the rest: a
 *       lead changes one assessment of up to 50.
 * </ul>
 *
 * <p>Reuse is safe because an {@link Alert} is immutable and its JSON is all that is stored: equal
 * bytes make an equal alert, whichever transaction wrote them, and the bytes are compared in full
 * before an alert is reused (after an aborted transaction the store holds the older bytes, which do
 * not match). An assessment is copied only when the new version holds the very object that was read
 * from (or written as) those bytes, so the copy reads back as the same assessment. The bytes are
 * those Jackson writes whenever the stored ones were: an assessment stored by an older version of
 * the project keeps its stored JSON while it stays on the alert, which reads as the same
 * assessment. Thread-safe: the stream threads and interactive queries share the store's serde.
 */
public final class AlertCodec implements Serde<Alert> {

  /** JSON bytes of recently written alerts kept for reuse, by default. */
  public static final long DEFAULT_CACHE_BYTES = 32L << 20;

  /** Bytes sampled for the lookup hash; the full comparison decides. */
  private static final int SAMPLED = 256;

  /**
   * The project's JSON of an alert; its parse also notes where the assessments lie (see
   * ListingSpans). The module only adds a reader, so the bytes written are {@code
   * JsonSerde<Alert>}'s.
   */
  private static final JsonSerde<Alert> JSON =
      new JsonSerde<>(
          Alert.class, Json.mapper().copy().registerModule(SpannedListingsDeserializer.module()));

  private final JsonSerde<Assessment> assessmentJson = new JsonSerde<>(Assessment.class);
  private final long maxBytes;
  private final Map<Long, Written> recent = new LinkedHashMap<>(1024, 0.75f, true);
  private long cachedBytes;
  private Written last;

  /**
   * The alert this thread read last, with its bytes: the version a fold on this thread builds the
   * next one from. Per thread, so that interactive queries reading other alerts do not displace it.
   */
  private final ThreadLocal<Written> lastRead = new ThreadLocal<>();

  /** An alert and its JSON, with where its assessments lie in it, found when first needed. */
  private static final class Written {
    private final Alert alert;
    private final byte[] bytes;
    private ListingSpans spans;
    private boolean scanned;

    /**
     * @param spans where the assessments lie in the bytes, if known (else they are scanned for when
     *     first needed)
     */
    Written(Alert alert, byte[] bytes, ListingSpans spans) {
      this.alert = alert;
      this.bytes = bytes;
      this.scanned = spans != null && spans.count() == alert.listings().size();
      this.spans = scanned ? spans : null;
    }

    Alert alert() {
      return alert;
    }

    byte[] bytes() {
      return bytes;
    }

    /** The spans of the alert's assessments, or null when its JSON is not laid out as expected. */
    synchronized ListingSpans spans() {
      if (!scanned) {
        spans = ListingSpans.of(bytes);
        if (spans != null && spans.count() != alert.listings().size()) {
          spans = null;
        }
        scanned = true;
      }
      return spans;
    }
  }

  /**
   * @param maxBytes the JSON bytes of recent alerts kept for reuse; 0 to keep only the last one
   *     written, for the store and topic write of one fold
   */
  public AlertCodec(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be at least 0, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public AlertCodec() {
    this(DEFAULT_CACHE_BYTES);
  }

  /** The alert's JSON; the same array for the same alert written twice in a row. */
  public byte[] write(Alert alert) {
    if (alert == null) {
      return null;
    }
    synchronized (this) {
      if (last != null && last.alert() == alert) {
        return last.bytes();
      }
    }
    Written written = spliced(alert);
    if (written == null) {
      written = new Written(alert, JSON.write(alert), null);
    }
    byte[] bytes = written.bytes();
    synchronized (this) {
      last = written;
      if (maxBytes > 0 && bytes.length <= maxBytes / 4) {
        Written replaced = recent.put(lookupKey(bytes), written);
        cachedBytes += bytes.length - (replaced == null ? 0 : replaced.bytes().length);
        var oldest = recent.values().iterator();
        while (cachedBytes > maxBytes && oldest.hasNext()) {
          cachedBytes -= oldest.next().bytes().length;
          oldest.remove();
        }
      }
    }
    return bytes;
  }

  /** The alert of these bytes: one written recently with the same bytes, else parsed. */
  public Alert read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    Written known;
    synchronized (this) {
      known = recent.get(lookupKey(bytes));
    }
    if (known == null || !Arrays.equals(known.bytes(), bytes)) {
      Alert alert;
      ListingSpans spans;
      try {
        alert = JSON.read(bytes);
      } finally {
        spans = SpannedListingsDeserializer.take();
      }
      known = new Written(alert, bytes, spans);
    }
    lastRead.set(known);
    return known.alert();
  }

  /**
   * The alert written with the JSON of the assessments it shares with the alert this thread last
   * read, or this serde last wrote, copied from that alert's bytes; null when it shares none.
   */
  private Written spliced(Alert alert) {
    List<Assessment> listings = alert.listings();
    if (listings.isEmpty()) {
      return null;
    }
    Written source = lastRead.get();
    if (source == null || !shares(source.alert(), listings)) {
      synchronized (this) {
        source = last;
      }
      if (source == null || !shares(source.alert(), listings)) {
        return null;
      }
    }
    ListingSpans from = source.spans();
    if (from == null) {
      return null;
    }
    var index = new IdentityHashMap<Assessment, Integer>(source.alert().listings().size() * 2);
    for (int i = 0; i < source.alert().listings().size(); i++) {
      index.put(source.alert().listings().get(i), i);
    }
    // The alert without its assessments, as Jackson writes it: every other field, and the place
    // where the assessments go.
    byte[] frame = JSON.write(alert.withEvidence(alert.score(), List.of(), alert.updatedAt()));
    ListingSpans empty = ListingSpans.of(frame);
    if (empty == null || empty.count() != 0) {
      return null;
    }
    int n = listings.size();
    byte[][] fresh = new byte[n][];
    int[] copied = new int[n];
    int length = frame.length + n - 1;
    for (int i = 0; i < n; i++) {
      Integer at = index.get(listings.get(i));
      if (at == null) {
        fresh[i] = assessmentJson.write(listings.get(i));
        length += fresh[i].length;
      } else {
        copied[i] = at;
        length += from.ends()[at] - from.starts()[at];
      }
    }
    byte[] out = new byte[length];
    int[] starts = new int[n];
    int[] ends = new int[n];
    int pos = empty.open() + 1;
    System.arraycopy(frame, 0, out, 0, pos);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out[pos++] = ',';
      }
      starts[i] = pos;
      if (fresh[i] != null) {
        System.arraycopy(fresh[i], 0, out, pos, fresh[i].length);
        pos += fresh[i].length;
      } else {
        int start = from.starts()[copied[i]];
        int size = from.ends()[copied[i]] - start;
        System.arraycopy(source.bytes(), start, out, pos, size);
        pos += size;
      }
      ends[i] = pos;
    }
    int close = pos;
    System.arraycopy(frame, empty.close(), out, pos, frame.length - empty.close());
    return new Written(alert, out, new ListingSpans(empty.open(), close, starts, ends));
  }

  /** True when the alert holds one of these very assessments (not merely an equal one). */
  private static boolean shares(Alert alert, List<Assessment> listings) {
    List<Assessment> held = alert.listings();
    for (Assessment listing : listings) {
      for (Assessment h : held) {
        if (h == listing) {
          return true;
        }
      }
    }
    return false;
  }

  /** The number of alerts kept for reuse, for tests. */
  synchronized int cached() {
    return recent.size();
  }

  /**
   * The length and a hash of up to 256 bytes spread over the JSON: cheaper than hashing all of an
   * alert of 100 KB, and a collision only costs a parse.
   */
  private static long lookupKey(byte[] bytes) {
    int stride = Math.max(1, bytes.length / SAMPLED);
    int hash = 1;
    for (int i = bytes.length - 1; i >= 0; i -= stride) {
      hash = 31 * hash + bytes[i];
    }
    return ((long) bytes.length << 32) | (hash & 0xffffffffL);
  }

  @Override
  public Serializer<Alert> serializer() {
    return (topic, alert) -> write(alert);
  }

  @Override
  public Deserializer<Alert> deserializer() {
    return (topic, bytes) -> read(bytes);
  }
}
