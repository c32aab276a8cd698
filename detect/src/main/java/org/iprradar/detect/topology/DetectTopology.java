package org.iprradar.detect.topology;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.iprradar.common.json.LeadJson;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Lead;
import org.iprradar.detect.operator.RecentListings;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScorerSet;

/**
 * Builds the detect topology:
 *
 * <pre>
 * seller-records ─▶ seller store (global, keyed platform:sellerId) + identity index (in memory)
 * complaints ─────▶ complaint store (global, by listing, seller and time)
 *                          ┆ looked up by the listing's seller, its network and the listing
 * listings ─▶ assess ─┬─▶ assessments            (one per listing record)
 *                     │      └─ lead? ─▶ leads   (keyed platform:sellerId:TYPE)
 *                     └─▶ dead-letters           (unreadable records, with the reason)
 * </pre>
 *
 * <p>Seller records are a global store, not a {@code KTable}: listings are keyed {@code
 * platform:listingId}, so joining a table keyed {@code platform:sellerId} would repartition every
 * listing by seller. Every instance holds all seller records instead (a few hundred bytes each),
 * and a listing looks its seller up where it is assessed. The lookup is made in the assess step
 * rather than by a {@code GlobalKTable} join because that is where the listing's bytes are parsed;
 * a join's key mapper would have to parse them once more. A store maintained by our own processor
 * also lets an unreadable seller record be dead-lettered, where a {@code GlobalKTable}'s
 * deserializer would stop the global thread (see {@link SellerRecordLoader}).
 *
 * <p>Complaints are a global store for the same reason, and because a complaint may arrive before
 * its listing and on another partition: every instance holds every complaint of the topic's 90
 * days, keyed so that a range scan gives a listing's or a seller's complaints in a window (see
 * {@link ComplaintKeys}).
 */
public final class DetectTopology {

  public static final String APPLICATION_ID = "ipr-radar-detect";

  /** The global store of seller records, keyed {@code platform:sellerId}. */
  public static final String SELLER_STORE = "seller-records-store";

  /** The global store of complaints, see {@link ComplaintKeys}. */
  public static final String COMPLAINT_STORE = "complaints-store";

  private DetectTopology() {}

  /**
   * A topology that scores every listing with one scorer, whose settings never change.
   *
   * @param rules the rule set in force, read once per listing so that rule changes apply from the
   *     next listing on
   */
  public static Topology build(Supplier<RuleSet> rules, Scorer scorer, Clock clock) {
    return build(rules, scorer, clock, GlobalDeadLetters.loggingOnly());
  }

  /**
   * @param scorers the scoring settings in force, read once per listing; unreadable seller records
   *     and complaints are only logged
   */
  public static Topology build(Supplier<RuleSet> rules, Supplier<ScorerSet> scorers, Clock clock) {
    return build(rules, scorers, clock, GlobalDeadLetters.loggingOnly());
  }

  /** Scores with fixed settings. */
  public static Topology build(
      Supplier<RuleSet> rules, Scorer scorer, Clock clock, GlobalDeadLetters deadLetters) {
    ScorerSet fixed = ScorerSet.of(scorer);
    return build(rules, () -> fixed, clock, deadLetters);
  }

  /**
   * @param rules the rule set in force, read once per listing so that rule changes apply from the
   *     next listing on
   * @param scorers the scoring settings in force, likewise read once per listing
   * @param deadLetters where the global stores' loaders send unreadable seller records and
   *     complaints
   */
  public static Topology build(
      Supplier<RuleSet> rules,
      Supplier<ScorerSet> scorers,
      Clock clock,
      GlobalDeadLetters deadLetters) {
    return build(rules, scorers, clock, deadLetters, new RecentListings(0));
  }

  /**
   * @param recent where every assessed listing is kept for the operators' dry runs
   */
  public static Topology build(
      Supplier<RuleSet> rules,
      Supplier<ScorerSet> scorers,
      Clock clock,
      GlobalDeadLetters deadLetters,
      RecentListings recent) {
    var builder = new StreamsBuilder();
    var index = new IdentityIndex();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SELLER_STORE),
                Serdes.String(),
                Topics.SELLER_RECORDS.valueSerde())
            // A global store is restored from its source topic; a changelog would only copy it.
            .withLoggingDisabled(),
        Topics.SELLER_RECORDS.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("seller-records-in"),
        () -> new SellerRecordLoader(SELLER_STORE, index, deadLetters));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(COMPLAINT_STORE),
                Serdes.String(),
                Topics.COMPLAINTS.valueSerde())
            .withLoggingDisabled(),
        Topics.COMPLAINTS.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("complaints-in"),
        () -> new ComplaintLoader(COMPLAINT_STORE, deadLetters));
    KStream<String, byte[]> listings =
        builder.stream(
            Topics.LISTINGS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("listings-in"));

    var outcomes =
        listings
            // A tombstone deletes a listing; there is nothing to assess.
            .filter((key, value) -> value != null, Named.as("skip-tombstones"))
            .processValues(
                () -> new AssessProcessor(rules, scorers, clock, index, recent), Named.as("assess"))
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
    KStream<String, Outcome.Assessed> assessments =
        assessed.map(
            (key, outcome) -> {
              var a = (Outcome.Assessed) outcome;
              return KeyValue.pair(a.assessment().listingKey(), a);
            },
            Named.as("key-by-listing"));
    assessments = counted(assessments, Topics.ASSESSMENTS.name(), "count-assessments");
    // The assessment's JSON was written once, in the assess step; the sink sends those bytes.
    Serde<Outcome.Assessed> written =
        Serdes.serdeFrom(
            (topic, a) -> a.json(),
            (topic, bytes) -> {
              throw new UnsupportedOperationException("detect only writes assessments");
            });
    assessments.to(
        Topics.ASSESSMENTS.name(),
        Produced.with(Topics.ASSESSMENTS.keySerde(), written).withName("assessments-out"));
    assessments
        .filter((key, a) -> a.assessment().lead(), Named.as("above-threshold"))
        .map(
            (key, a) -> {
              Lead lead = Lead.of(a.assessment());
              return KeyValue.pair(lead.key(), LeadJson.write(lead, a.json()));
            },
            Named.as("key-by-seller-and-type"))
        .peek(
            (key, lead) -> PipelineMetrics.recordsOut(APPLICATION_ID, Topics.LEADS.name(), 1),
            Named.as("count-leads"))
        .to(
            Topics.LEADS.name(),
            Produced.with(Topics.LEADS.keySerde(), Serdes.ByteArray()).withName("leads-out"));
  }

  private static <V> KStream<String, V> counted(
      KStream<String, V> stream, String topic, String name) {
    return stream.peek(
        (key, value) -> PipelineMetrics.recordsOut(APPLICATION_ID, topic, 1), Named.as(name));
  }
}
