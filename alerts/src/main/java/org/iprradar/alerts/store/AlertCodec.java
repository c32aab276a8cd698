package org.iprradar.alerts.store;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;

/**
 * The alerts' JSON serde for the alert store and the {@code alert-deliveries} topic, the same bytes
 * as {@code JsonSerde<Alert>}, that spares the fold most of its JSON work. Folding a lead reads the
 * alert from the store, writes it back and sends it to {@code alert-deliveries}: three passes of
 * Jackson over an alert of up to 50 assessments, which were two thirds of the alerts thread under
 * load. Here an alert written is serialised once for the store and the topic (the last value
 * written is remembered by identity), and an alert read whose bytes equal those of an alert this
 * serde wrote recently is the alert already built, not parsed again.
 *
 * <p>Reuse is safe because an {@link Alert} is immutable and its JSON is all that is stored: equal
 * bytes make an equal alert, whichever transaction wrote them, and the bytes are compared in full
 * before an alert is reused (after an aborted transaction the store holds the older bytes, which do
 * not match). Thread-safe: the stream threads and interactive queries share the store's serde.
 */
public final class AlertCodec implements Serde<Alert> {

  /** JSON bytes of recently written alerts kept for reuse, by default. */
  public static final long DEFAULT_CACHE_BYTES = 32L << 20;

  /** Bytes sampled for the lookup hash; the full comparison decides. */
  private static final int SAMPLED = 256;

  private final JsonSerde<Alert> json = new JsonSerde<>(Alert.class);
  private final long maxBytes;
  private final Map<Long, Written> recent = new LinkedHashMap<>(1024, 0.75f, true);
  private long cachedBytes;
  private Written last;

  private record Written(Alert alert, byte[] bytes) {}

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
    byte[] bytes = json.write(alert);
    var written = new Written(alert, bytes);
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
    if (known != null && Arrays.equals(known.bytes(), bytes)) {
      return known.alert();
    }
    return json.read(bytes);
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
