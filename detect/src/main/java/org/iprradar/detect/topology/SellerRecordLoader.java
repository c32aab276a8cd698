package org.iprradar.detect.topology;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.SellerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global seller store, and the identity index beside it, up to date from the {@code
 * seller-records} topic: a record replaces the seller's earlier one (and its identity hashes), a
 * tombstone deletes it.
 *
 * <p>The topic is read as bytes and parsed here, so that an unreadable record cannot stop the
 * global thread (a failing deserializer would). Such a record goes to the dead-letter topic through
 * {@link GlobalDeadLetters} (a global processor cannot forward), and the seller's last readable
 * record stays in force: deleting the seller on garbage would let one bad write clear a blacklisted
 * seller. The same goes for a record whose key is not its own {@code platform:sellerId}. A record
 * older than the stored version is only skipped with a log line: it was readable, just overtaken.
 * Kafka Streams runs this processor also when it restores the store at start-up, so the same rules
 * apply then.
 */
final class SellerRecordLoader implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(SellerRecordLoader.class);
  private static final JsonSerde<SellerRecord> SELLER = new JsonSerde<>(SellerRecord.class);

  private final String storeName;
  private final IdentityIndex index;
  private final GlobalDeadLetters deadLetters;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, SellerRecord> store;

  SellerRecordLoader(String storeName, IdentityIndex index, GlobalDeadLetters deadLetters) {
    this.storeName = storeName;
    this.index = index;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    // The store survives restarts, the index does not: rebuilt here, it starts from what the store
    // holds, and every write below keeps the two in step.
    index.rebuild(store.all());
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      reject(record, "no key");
      return;
    }
    if (record.value() == null) {
      SellerRecord deleted = store.delete(key);
      if (deleted != null) {
        index.update(key, deleted.linkHashes(), List.of());
      }
      return;
    }
    SellerRecord seller;
    try {
      seller = SELLER.read(record.value());
    } catch (RuntimeException e) {
      reject(record, "unreadable seller record: " + e.getMessage());
      return;
    }
    if (!seller.key().equals(key)) {
      reject(record, "key is not the record's platform:sellerId " + seller.key());
      return;
    }
    SellerRecord stored = store.get(key);
    if (stored != null && stored.version() > seller.version()) {
      skip(record, "version " + seller.version() + " is older than stored " + stored.version());
      return;
    }
    store.put(key, seller);
    index.update(key, stored == null ? List.of() : stored.linkHashes(), seller.linkHashes());
  }

  private void reject(Record<String, byte[]> record, String reason) {
    deadLetters.reject(context, record, Topics.SELLER_RECORDS.name(), reason);
  }

  private void skip(Record<String, byte[]> record, String reason) {
    var meta = context.recordMetadata();
    LOG.warn(
        "Skipping seller record with key {} at {}-{}@{}, the seller's last readable record stays: {}",
        record.key(),
        meta.map(m -> m.topic()).orElse(Topics.SELLER_RECORDS.name()),
        meta.map(m -> String.valueOf(m.partition())).orElse("?"),
        meta.map(m -> String.valueOf(m.offset())).orElse("?"),
        reason);
  }
}
