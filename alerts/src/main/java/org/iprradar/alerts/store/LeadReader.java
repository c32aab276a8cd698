package org.iprradar.alerts.store;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Lead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a lead; one that cannot be read is passed on with its bytes and the reason in headers. */
final class LeadReader implements FixedKeyProcessor<String, byte[], LeadReader.Read> {

  private static final Logger LOG = LoggerFactory.getLogger(LeadReader.class);
  private static final JsonSerde<Lead> LEAD = new JsonSerde<>(Lead.class);

  /** A lead that was read, or the original bytes of one that was not. */
  record Read(Lead lead, byte[] original) {}

  private FixedKeyProcessorContext<String, Read> context;

  @Override
  public void init(FixedKeyProcessorContext<String, Read> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    try {
      context.forward(record.withValue(new Read(LEAD.read(record.value()), null)));
    } catch (RuntimeException e) {
      LOG.warn("Dead-lettering lead with key {}: {}", record.key(), e.getMessage());
      var headers =
          DeadLetters.describe(
              record.headers(), Topics.LEADS.name(), AlertsTopology.APPLICATION_ID, e.getMessage());
      context.forward(record.withValue(new Read(null, record.value())).withHeaders(headers));
    }
  }
}
