package org.iprradar.detect.topology;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Lead;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;

/**
 * Builds the detect topology:
 *
 * <pre>
 * listings ─▶ assess ─┬─▶ assessments            (one per listing record)
 *                     │      └─ lead? ─▶ leads   (keyed platform:sellerId:TYPE)
 *                     └─▶ dead-letters           (unreadable records, with the reason)
 * </pre>
 */
public final class DetectTopology {

  public static final String APPLICATION_ID = "ipr-radar-detect";

  private DetectTopology() {}

  /**
   * @param rules the rule set in force, read once per listing so that rule changes apply from the
   *     next listing on
   */
  public static Topology build(Supplier<RuleSet> rules, Scorer scorer, Clock clock) {
    var builder = new StreamsBuilder();
    KStream<String, byte[]> listings =
        builder.stream(
            Topics.LISTINGS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("listings-in"));

    var outcomes =
        listings
            // A tombstone deletes a listing; there is nothing to assess.
            .filter((key, value) -> value != null, Named.as("skip-tombstones"))
            .processValues(() -> new AssessProcessor(rules, scorer, clock), Named.as("assess"))
            .split(Named.as("outcome-"));

    outcomes.branch(
        (key, outcome) -> outcome instanceof Outcome.Assessed,
        Branched.withConsumer(DetectTopology::writeAssessments, "assessed"));
    outcomes.defaultBranch(
        Branched.withConsumer(
            rejected ->
                DeadLetters.write(
                    rejected.mapValues(
                        o -> ((Outcome.Rejected) o).original(), Named.as("original-bytes"))),
            "rejected"));
    return builder.build();
  }

  private static void writeAssessments(KStream<String, Outcome> assessed) {
    KStream<String, Assessment> assessments =
        assessed.map(
            (key, outcome) -> {
              Assessment a = ((Outcome.Assessed) outcome).assessment();
              return KeyValue.pair(a.listingKey(), a);
            },
            Named.as("key-by-listing"));
    assessments.to(
        Topics.ASSESSMENTS.name(),
        Produced.with(Topics.ASSESSMENTS.keySerde(), Topics.ASSESSMENTS.valueSerde())
            .withName("assessments-out"));
    assessments
        .filter((key, a) -> a.lead(), Named.as("above-threshold"))
        .map(
            (key, a) -> {
              Lead lead = Lead.of(a);
              return KeyValue.pair(lead.key(), lead);
            },
            Named.as("key-by-seller-and-type"))
        .to(
            Topics.LEADS.name(),
            Produced.with(Topics.LEADS.keySerde(), Topics.LEADS.valueSerde())
                .withName("leads-out"));
  }
}
