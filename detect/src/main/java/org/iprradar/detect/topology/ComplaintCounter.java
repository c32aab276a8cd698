package org.iprradar.detect.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.detect.score.SellerContextWeights;

/**
 * Counts a listing's and its seller's complaints in the complaint store, back from the listing's
 * time: 30 days for the counts, 7 days for a surge, compared with the usual rate of the 83 days
 * before those 7.
 */
final class ComplaintCounter {

  private static final Duration MONTH = Duration.ofDays(30);
  private static final Duration WEEK = Duration.ofDays(7);

  private final ReadOnlyKeyValueStore<String, Complaint> store;
  private final SellerContextWeights weights;

  ComplaintCounter(ReadOnlyKeyValueStore<String, Complaint> store, SellerContextWeights weights) {
    this.store = store;
    this.weights = weights;
  }

  ComplaintCounts count(String platform, String listingId, String sellerId, Instant at) {
    Instant monthAgo = at.minus(MONTH);
    Instant weekAgo = at.minus(WEEK);
    Instant earliest = at.minus(ComplaintLoader.KEPT);
    // Complaint key to its time; a complaint naming both the listing and the seller is one.
    Map<String, Long> listing =
        within(ComplaintKeys.listingPrefix(platform, listingId), earliest, at);
    Map<String, Long> seller = within(ComplaintKeys.sellerPrefix(platform, sellerId), earliest, at);
    var either = new HashMap<>(listing);
    either.putAll(seller);
    int listing30d = countFrom(listing, monthAgo);
    int seller30d = countFrom(seller, monthAgo);
    int last7d = countFrom(either, weekAgo);
    long before = either.size() - last7d;
    double usualWeek =
        before * (double) WEEK.toMillis() / (ComplaintLoader.KEPT.toMillis() - WEEK.toMillis());
    boolean surge = last7d >= weights.surgeMinimum() && last7d >= weights.surgeRatio() * usualWeek;
    return new ComplaintCounts(listing30d, seller30d, last7d, surge);
  }

  private Map<String, Long> within(String prefix, Instant from, Instant to) {
    var found = new HashMap<String, Long>();
    // The upper bound is the prefix of the next millisecond: a shorter key than any stored one of
    // that millisecond, so the range stops after the last complaint at "to".
    try (var range =
        store.range(
            prefix + ComplaintKeys.time(from), prefix + ComplaintKeys.time(to.plusMillis(1)))) {
      range.forEachRemaining(
          kv ->
              found.put(
                  ComplaintKeys.complaintKeyOf(kv.key, prefix),
                  ComplaintKeys.millisOf(kv.key, prefix)));
    }
    return found;
  }

  private static int countFrom(Map<String, Long> complaints, Instant from) {
    long since = from.toEpochMilli();
    return (int) complaints.values().stream().filter(t -> t >= since).count();
  }
}
