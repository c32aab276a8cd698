package org.iprradar.detect.topology;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.Fixtures;

/**
 * The detect topology in a {@link TopologyTestDriver}, fed raw bytes like the real topics, with the
 * global stores' dead letters caught by a {@link MockProducer}.
 */
final class DetectDriver implements AutoCloseable {

  final MockProducer<byte[], byte[]> globalDeadLetters =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> listings;
  private final TestInputTopic<String, byte[]> sellers;
  private final TestInputTopic<String, byte[]> complaints;
  private final TestOutputTopic<String, Assessment> assessments;
  private final TestOutputTopic<String, Lead> leads;

  DetectDriver(String applicationId) {
    var topology =
        DetectTopology.build(
            Fixtures.ruleBook(),
            Fixtures.scorer(),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC),
            new GlobalDeadLetters(globalDeadLetters));
    driver = TestDrivers.start(topology, applicationId);
    listings = input(Topics.LISTINGS.name());
    sellers = input(Topics.SELLER_RECORDS.name());
    complaints = input(Topics.COMPLAINTS.name());
    assessments =
        driver.createOutputTopic(
            Topics.ASSESSMENTS.name(),
            Topics.ASSESSMENTS.keySerde().deserializer(),
            Topics.ASSESSMENTS.valueSerde().deserializer());
    leads =
        driver.createOutputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().deserializer(),
            Topics.LEADS.valueSerde().deserializer());
  }

  /** The leads written so far, oldest first. */
  List<Lead> leads() {
    return leads.readValuesToList();
  }

  private TestInputTopic<String, byte[]> input(String topic) {
    return driver.createInputTopic(
        topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  void seller(SellerRecord record) {
    sellers.pipeInput(
        record.key(), Topics.SELLER_RECORDS.valueSerde().serializer().serialize("", record));
  }

  void sellerBytes(String key, String value) {
    sellers.pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  void complaint(Complaint complaint) {
    complaints.pipeInput(
        complaint.key(), Topics.COMPLAINTS.valueSerde().serializer().serialize("", complaint));
  }

  void complaintBytes(String key, String value) {
    complaints.pipeInput(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the listing and returns the one assessment it got. */
  Assessment assess(Listing listing) {
    listings.pipeInput(
        listing.key(), Topics.LISTINGS.valueSerde().serializer().serialize("", listing));
    Assessment a = assessments.readValue();
    if (!assessments.isEmpty()) {
      throw new AssertionError("more than one assessment for " + listing.key());
    }
    return a;
  }

  /** Whether the complaint store still holds the complaint under its own key. */
  boolean holdsComplaint(String complaintKey) {
    KeyValueStore<String, Complaint> store =
        driver.getKeyValueStore(DetectTopology.COMPLAINT_STORE);
    return store.get(ComplaintKeys.byKey(complaintKey)) != null;
  }

  List<ProducerRecord<byte[], byte[]>> deadLetters() {
    return globalDeadLetters.history();
  }

  @Override
  public void close() {
    driver.close();
  }
}
