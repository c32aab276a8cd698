package org.iprradar.detect.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Complaint;

/**
 * Keeps the global complaint store up to date from the {@code complaints} topic, so that every
 * instance can count a listing's complaints whatever partition the listing and the complaints land
 * in, and before the listing itself arrives.
 *
 * <p>A complaint sent again under its key replaces the earlier one (one complaint is counted once);
 * a tombstone withdraws it. Complaints older than the topic's retention, counted back from the
 * newest complaint seen, are purged as complaints arrive: a restore from the topic would not bring
 * them back either. An unreadable or invalid complaint goes to the dead-letter topic and the global
 * thread goes on.
 */
final class ComplaintLoader implements Processor<String, byte[], Void, Void> {

  /** As long as the topic keeps complaints: a late listing still finds what the topic holds. */
  static final Duration KEPT = Duration.ofDays(90);

  private static final JsonSerde<Complaint> COMPLAINT = new JsonSerde<>(Complaint.class);

  private final String storeName;
  private final GlobalDeadLetters deadLetters;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, Complaint> store;
  private Instant newest = Instant.EPOCH;

  ComplaintLoader(String storeName, GlobalDeadLetters deadLetters) {
    this.storeName = storeName;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      reject(record, "no key; complaints are keyed platform:complaintId");
      return;
    }
    if (record.value() == null) {
      remove(key);
      return;
    }
    Complaint complaint;
    try {
      complaint = COMPLAINT.read(record.value());
    } catch (RuntimeException e) {
      reject(record, "unreadable complaint: " + e.getMessage());
      return;
    }
    if (!complaint.key().equals(key)) {
      reject(record, "key is not the complaint's platform:complaintId " + complaint.key());
      return;
    }
    if (ComplaintKeys.holdsSeparator(complaint)) {
      reject(
          record,
          "platform, listingId, sellerId or complaintId holds the control character U+001F");
      return;
    }
    if (complaint.receivedAt().isBefore(Instant.EPOCH)) {
      reject(record, "receivedAt " + complaint.receivedAt() + " is before 1970");
      return;
    }
    remove(key);
    store.put(ComplaintKeys.byKey(key), complaint);
    if (complaint.listingId() != null) {
      store.put(
          ComplaintKeys.under(
              ComplaintKeys.listingPrefix(complaint.platform(), complaint.listingId()), complaint),
          complaint);
    }
    if (complaint.sellerId() != null) {
      store.put(
          ComplaintKeys.under(
              ComplaintKeys.sellerPrefix(complaint.platform(), complaint.sellerId()), complaint),
          complaint);
    }
    store.put(ComplaintKeys.under(ComplaintKeys.timePrefix(), complaint), complaint);
    if (complaint.receivedAt().isAfter(newest)) {
      newest = complaint.receivedAt();
    }
    purgeBefore(newest.minus(KEPT));
  }

  /** Removes a complaint and its listing, seller and time keys. */
  private void remove(String complaintKey) {
    Complaint old = store.delete(ComplaintKeys.byKey(complaintKey));
    if (old == null) {
      return;
    }
    if (old.listingId() != null) {
      store.delete(
          ComplaintKeys.under(ComplaintKeys.listingPrefix(old.platform(), old.listingId()), old));
    }
    if (old.sellerId() != null) {
      store.delete(
          ComplaintKeys.under(ComplaintKeys.sellerPrefix(old.platform(), old.sellerId()), old));
    }
    store.delete(ComplaintKeys.under(ComplaintKeys.timePrefix(), old));
  }

  private void purgeBefore(Instant cutoff) {
    String prefix = ComplaintKeys.timePrefix();
    var expired = new ArrayList<String>();
    try (var old = store.range(prefix, prefix + ComplaintKeys.time(cutoff))) {
      old.forEachRemaining(kv -> expired.add(ComplaintKeys.complaintKeyOf(kv.key, prefix)));
    }
    expired.forEach(this::remove);
  }

  private void reject(Record<String, byte[]> record, String reason) {
    deadLetters.reject(context, record, Topics.COMPLAINTS.name(), reason);
  }
}
