package org.iprradar.detect.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.LogKeys;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ConfigVersions;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.operator.RecentListings;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.ScorerSet;
import org.iprradar.detect.score.SellerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads a listing, looks up its seller's record, the seller's network and the complaints about the
 * listing and the seller in the global stores, and assesses it with the rules and the scoring
 * settings of its category in force, recording their versions. A record that is not a listing, or
 * that the engine fails on, becomes a dead letter with its original bytes and the reason in
 * headers: it never stops the stream thread.
 */
final class AssessProcessor implements FixedKeyProcessor<String, byte[], Outcome> {

  private static final Logger LOG = LoggerFactory.getLogger(AssessProcessor.class);
  private static final JsonSerde<Listing> LISTING = new JsonSerde<>(Listing.class);
  private static final Serializer<Assessment> ASSESSMENT =
      Topics.ASSESSMENTS.valueSerde().serializer();

  private final Supplier<RuleSet> rules;
  private final Supplier<ScorerSet> scorers;
  private final Clock clock;
  private final IdentityIndex index;
  private final RecentListings recent;
  private FixedKeyProcessorContext<String, Outcome> context;
  private ReadOnlyKeyValueStore<String, SellerRecord> sellers;
  private NetworkFinder networks;
  private ComplaintCounter complaints;

  AssessProcessor(
      Supplier<RuleSet> rules,
      Supplier<ScorerSet> scorers,
      Clock clock,
      IdentityIndex index,
      RecentListings recent) {
    this.recent = recent;
    this.rules = rules;
    this.scorers = scorers;
    this.clock = clock;
    this.index = index;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome> context) {
    this.context = context;
    this.sellers = context.getStateStore(DetectTopology.SELLER_STORE);
    this.networks = new NetworkFinder(sellers, index);
    ReadOnlyKeyValueStore<String, Complaint> complaintStore =
        context.getStateStore(DetectTopology.COMPLAINT_STORE);
    // The network and complaint weights are configuration only, the same in every scorer set.
    this.complaints =
        new ComplaintCounter(complaintStore, scorers.get().fallback().contextWeights());
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    PipelineMetrics.recordIn(DetectTopology.APPLICATION_ID, Topics.LISTINGS.name());
    // The record key is the listing key (platform:listingId): in every log line of this listing.
    MDC.put(LogKeys.LISTING_KEY, record.key());
    try {
      assess(record);
    } finally {
      MDC.remove(LogKeys.LISTING_KEY);
    }
  }

  private void assess(FixedKeyRecord<String, byte[]> record) {
    Listing listing;
    try {
      listing = LISTING.read(record.value());
    } catch (RuntimeException e) {
      reject(record, e.getMessage());
      return;
    }
    try {
      RuleSet set = rules.get();
      ScorerSet scoring = scorers.get();
      var match = set.matcher().match(listing);
      match
          .errors()
          .forEach(
              (ruleId, error) -> {
                MDC.put(LogKeys.RULE_ID, ruleId);
                try {
                  LOG.warn("Rule {} failed on listing {}: {}", ruleId, listing.key(), error);
                } finally {
                  MDC.remove(LogKeys.RULE_ID);
                }
              });
      SellerRecord seller = sellers.get(SellerRecord.key(listing.platform(), listing.sellerId()));
      Instant now = clock.instant();
      // Complaints are counted back from when the listing was seen, so a re-crawl of an old
      // listing is not credited with complaints that came after it.
      Instant at = listing.observedAt() != null ? listing.observedAt() : now;
      var sellerContext =
          new SellerContext(
              seller,
              networks.find(seller),
              complaints.count(listing.platform(), listing.listingId(), listing.sellerId(), at));
      var versions = new ConfigVersions(set.rulesVersion(), set.brandsVersion(), scoring.version());
      var assessment =
          scoring
              .forCategory(listing.category())
              .assess(listing, match, set.brands(), sellerContext, now)
              .withVersions(versions);
      recent.record(listing, sellerContext, match.hits().stream().map(h -> h.rule().id()).toList());
      // From when the partner saw the listing, else from when ingest accepted it.
      Instant observed =
          listing.observedAt() != null
              ? listing.observedAt()
              : Instant.ofEpochMilli(record.timestamp());
      PipelineMetrics.assessmentLatency(Duration.between(observed, now));
      // Written here, once: the assessments topic and the lead (if any) take these bytes.
      byte[] json = ASSESSMENT.serialize(Topics.ASSESSMENTS.name(), assessment);
      context.forward(record.withValue(new Outcome.Assessed(assessment, json)));
    } catch (RuntimeException e) {
      LOG.error("Cannot assess listing {}", listing.key(), e);
      reject(record, "assessment failed: " + e);
    }
  }

  private void reject(FixedKeyRecord<String, byte[]> record, String reason) {
    LOG.warn("Dead-lettering record with key {}: {}", record.key(), reason);
    var headers =
        DeadLetters.describe(
            record.headers(),
            context.recordMetadata(),
            Topics.LISTINGS.name(),
            DetectTopology.APPLICATION_ID,
            reason);
    context.forward(
        record
            .withValue((Outcome) new Outcome.Rejected(record.value(), reason))
            .withHeaders(headers));
  }
}
