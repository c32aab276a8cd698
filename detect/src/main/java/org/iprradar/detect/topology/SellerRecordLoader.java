package org.iprradar.detect.topology;

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
 * Keeps the global seller store up to date from the {@code seller-records} topic: a record replaces
 * the seller's earlier one, a tombstone deletes it.
 *
 * <p>The topic is read as bytes and parsed here, so that an unreadable record cannot stop the
 * global thread (a failing deserializer would). Such a record is skipped with a log line naming its
 * partition and offset, and the seller's last readable record stays in force: a global processor
 * cannot write to a dead-letter topic, and deleting the seller on garbage would let one bad write
 * clear a blacklisted seller. The same goes for a record whose key is not its own {@code
 * platform:sellerId} and for one older than the stored version. Kafka Streams runs this processor
 * also when it restores the store at start-up, so the same rules apply then.
 */
final class SellerRecordLoader implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(SellerRecordLoader.class);
  private static final JsonSerde<SellerRecord> SELLER = new JsonSerde<>(SellerRecord.class);

  private final String storeName;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, SellerRecord> store;

  SellerRecordLoader(String storeName) {
    this.storeName = storeName;
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
      skip(record, "no key");
      return;
    }
    if (record.value() == null) {
      store.delete(key);
      return;
    }
    SellerRecord seller;
    try {
      seller = SELLER.read(record.value());
    } catch (RuntimeException e) {
      skip(record, e.getMessage());
      return;
    }
    if (!seller.key().equals(key)) {
      skip(record, "key is not the record's platform:sellerId " + seller.key());
      return;
    }
    SellerRecord stored = store.get(key);
    if (stored != null && stored.version() > seller.version()) {
      skip(record, "version " + seller.version() + " is older than stored " + stored.version());
      return;
    }
    store.put(key, seller);
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
