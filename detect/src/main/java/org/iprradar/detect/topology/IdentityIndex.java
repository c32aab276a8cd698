package org.iprradar.detect.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.iprradar.common.model.SellerRecord;

/**
 * Which sellers hold each identity hash, next to the global seller store: written by the global
 * thread as seller records change, read by the stream threads to find a seller's network.
 *
 * <p>In memory and derived from the store: the loader rebuilds it from the store whenever it
 * starts, then keeps it in step with every write, so it needs no topic or changelog of its own.
 * Each hash maps to an immutable set that is replaced whole, so readers never see one half-built.
 */
final class IdentityIndex {

  private final Map<String, Set<String>> sellersByHash = new ConcurrentHashMap<>();

  /** The keys of the sellers holding the hash; empty when none does. */
  Set<String> sellersWith(String hash) {
    return sellersByHash.getOrDefault(hash, Set.of());
  }

  /** Moves a seller from the hashes of its previous record to those of its new one. */
  void update(String sellerKey, List<String> oldHashes, List<String> newHashes) {
    for (String hash : oldHashes) {
      if (!newHashes.contains(hash)) {
        sellersByHash.computeIfPresent(
            hash,
            (h, sellers) -> {
              var left = new HashSet<>(sellers);
              left.remove(sellerKey);
              return left.isEmpty() ? null : Set.copyOf(left);
            });
      }
    }
    for (String hash : newHashes) {
      sellersByHash.compute(
          hash,
          (h, sellers) -> {
            if (sellers != null && sellers.contains(sellerKey)) {
              return sellers;
            }
            var more = sellers == null ? new HashSet<String>() : new HashSet<>(sellers);
            more.add(sellerKey);
            return Set.copyOf(more);
          });
    }
  }

  /** Forgets everything and indexes the records the store holds. */
  void rebuild(KeyValueIterator<String, SellerRecord> records) {
    sellersByHash.clear();
    try (records) {
      records.forEachRemaining(kv -> update(kv.key, List.of(), kv.value.linkHashes()));
    }
  }
}
