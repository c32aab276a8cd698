package org.iprradar.detect.operator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.score.SellerContext;

/**
 * The last listings detect assessed, with what it knew about their sellers then, for dry runs: a
 * draft rule is tried on the traffic the live rules just saw. Bounded, oldest dropped first; kept
 * in memory only, so a restarted detect starts empty (a dry run can bring a sample file instead).
 */
public final class RecentListings {

  /**
   * One assessed listing and the seller context it was scored with.
   *
   * @param ruleIds the rules (and brand rules) that hit it when it was assessed
   */
  public record Seen(Listing listing, SellerContext context, List<String> ruleIds) {
    public Seen {
      ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
    }
  }

  private final int capacity;
  private final ArrayDeque<Seen> ring;

  public RecentListings(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be at least 0, was " + capacity);
    }
    this.capacity = capacity;
    this.ring = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Called by the stream thread for every listing it assessed. */
  public void record(Listing listing, SellerContext context, List<String> ruleIds) {
    if (capacity == 0) {
      return;
    }
    synchronized (ring) {
      if (ring.size() == capacity) {
        ring.removeFirst();
      }
      ring.addLast(new Seen(listing, context, ruleIds));
    }
  }

  /** The last {@code limit} listings, oldest first. */
  public List<Seen> last(int limit) {
    synchronized (ring) {
      int skip = Math.max(ring.size() - Math.max(limit, 0), 0);
      return ring.stream().skip(skip).toList();
    }
  }

  /** How many of the listings kept each rule hit. */
  public Map<String, Integer> hitsByRule() {
    var counts = new HashMap<String, Integer>();
    synchronized (ring) {
      for (Seen seen : ring) {
        seen.ruleIds().forEach(id -> counts.merge(id, 1, Integer::sum));
      }
    }
    return counts;
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    synchronized (ring) {
      return ring.size();
    }
  }
}
