package org.iprradar.benchmarks.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.Topic;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Listing;

/**
 * The ceiling the machine allows: listings read and turned into assessment-shaped records with no
 * matching or scoring at all, with the same serdes, exactly-once settings and commit interval as
 * detect, so that the difference to the real pipeline is the work detect and alerts do.
 */
final class PassThroughTopology {

  static final String APPLICATION_ID = "ipr-radar-bench-pass-through";

  /** Where the pass-through writes, keyed like the listing. */
  static final Topic<String, Assessment> OUTPUT =
      new Topic<>(
          "bench-pass-through", Serdes.String(), new JsonSerde<>(Assessment.class), Map.of());

  private PassThroughTopology() {}

  static Topology build() {
    var builder = new StreamsBuilder();
    builder.stream(
            Topics.LISTINGS.name(),
            Consumed.with(Topics.LISTINGS.keySerde(), Topics.LISTINGS.valueSerde()))
        .mapValues(PassThroughTopology::unscored)
        .to(OUTPUT.name(), Produced.with(OUTPUT.keySerde(), OUTPUT.valueSerde()));
    return builder.build();
  }

  /** The listing as an assessment with score 0 and no signals: a full-sized record, no work. */
  static Assessment unscored(Listing listing) {
    return new Assessment(
        Assessment.SCHEMA_VERSION,
        listing.key(),
        listing.platform(),
        listing.listingId(),
        listing.version(),
        listing.title(),
        listing.price(),
        listing.sellerId(),
        listing.sellerRegion(),
        listing.shopName(),
        listing.category(),
        0,
        InfringementType.NONE,
        null,
        false,
        List.of(),
        Instant.now(),
        null,
        listing.crossBorder(),
        null,
        null,
        null);
  }
}
