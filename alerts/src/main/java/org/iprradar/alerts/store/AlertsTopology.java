package org.iprradar.alerts.store;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Alert;

/**
 * Builds the alerts topology:
 *
 * <pre>
 * leads ─▶ read ─┬─▶ fold into store "alerts" (one alert per lead key)
 *                └─▶ dead-letters (unreadable leads, with the reason)
 * </pre>
 */
public final class AlertsTopology {

  public static final String APPLICATION_ID = "ipr-radar-alerts";
  public static final String STORE = "alerts";

  private AlertsTopology() {}

  public static Topology build(AlertFolder folder) {
    var builder = new StreamsBuilder();
    var read =
        builder.stream(
                Topics.LEADS.name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("leads-in"))
            .filter((key, value) -> key != null && value != null, Named.as("skip-tombstones"))
            .processValues(LeadReader::new, Named.as("read-lead"))
            .split(Named.as("lead-"));
    read.branch(
        (key, r) -> r.lead() != null,
        Branched.withConsumer(
            leads ->
                leads
                    .mapValues(LeadReader.Read::lead, Named.as("lead-value"))
                    .groupByKey(
                        Grouped.with("by-lead-key", Serdes.String(), Topics.LEADS.valueSerde()))
                    .aggregate(
                        () -> null,
                        (key, lead, alert) -> folder.fold(lead, alert),
                        Named.as("fold-alert"),
                        Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(STORE)
                            .withKeySerde(Serdes.String())
                            .withValueSerde(new JsonSerde<>(Alert.class))),
            "read"));
    read.defaultBranch(
        Branched.withConsumer(
            bad ->
                DeadLetters.write(
                    bad.mapValues(LeadReader.Read::original, Named.as("original-bytes"))),
            "unreadable"));
    return builder.build();
  }
}
