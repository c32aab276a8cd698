package org.iprradar.detect.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.detect.score.LinkedSellers;

/**
 * Finds a seller's network: every seller reachable through shared identity hashes, breadth first
 * from the seller, at most {@link #MAX_MEMBERS}. Links are checked against the stored records, so a
 * hash a seller no longer holds links nobody even if the index has not caught up yet.
 */
final class NetworkFinder {

  /** Bounds the work per listing; a network this big is a case of its own anyway. */
  static final int MAX_MEMBERS = 200;

  private final ReadOnlyKeyValueStore<String, SellerRecord> sellers;
  private final IdentityIndex index;

  NetworkFinder(ReadOnlyKeyValueStore<String, SellerRecord> sellers, IdentityIndex index) {
    this.sellers = sellers;
    this.index = index;
  }

  /** The seller's network, or null when it shares no identity detail with another seller. */
  LinkedSellers find(SellerRecord seller) {
    if (seller == null || seller.linkHashes().isEmpty()) {
      return null;
    }
    var members = new LinkedHashMap<String, SellerRecord>();
    var linkedBy = new LinkedHashMap<String, String>();
    var queue = new ArrayDeque<SellerRecord>();
    members.put(seller.key(), seller);
    queue.add(seller);
    boolean complete = true;
    search:
    while (!queue.isEmpty()) {
      SellerRecord member = queue.poll();
      for (String hash : member.linkHashes()) {
        // Sorted, so that which members a bounded search finds does not depend on set order.
        for (String key : new TreeSet<>(index.sellersWith(hash))) {
          if (members.containsKey(key)) {
            continue;
          }
          SellerRecord linked = sellers.get(key);
          if (linked == null || !linked.linkHashes().contains(hash)) {
            continue;
          }
          if (members.size() == MAX_MEMBERS) {
            complete = false;
            break search;
          }
          members.put(key, linked);
          linkedBy.put(key, describedLink(member, linked, hash));
          queue.add(linked);
        }
      }
    }
    if (members.size() < 2) {
      return null;
    }
    return new LinkedSellers(
        name(new TreeSet<>(members.keySet()).first()),
        new ArrayList<>(members.values()),
        linkedBy,
        complete);
  }

  /** The shared hash with the kind either seller named for it: {@code phone:9f86…}. */
  private static String describedLink(SellerRecord from, SellerRecord to, String hash) {
    for (SellerRecord seller : new SellerRecord[] {to, from}) {
      for (String entry : seller.identityHashes()) {
        if (SellerRecord.kindOf(entry) != null && SellerRecord.bareHash(entry).equals(hash)) {
          return entry;
        }
      }
    }
    return hash;
  }

  /** {@code net-} and 12 hex digits of the SHA-256 of the smallest member key. */
  static String name(String smallestMember) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(smallestMember.getBytes(StandardCharsets.UTF_8));
      return "net-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
