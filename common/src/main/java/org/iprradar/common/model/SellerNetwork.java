package org.iprradar.common.model;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Sellers linked by a shared identity or contact detail (phone, ID number, address, payment
 * account; compared as hashes), found from one seller by following shared details.
 *
 * @param id a name that stays the same whichever member it was found from: {@code net-} and a
 *     digest of the smallest member key
 * @param members every member's {@code platform:sellerId}, sorted; at most the search bound
 * @param size how many members were found
 * @param regions the members' GB/T 2260 regions that are known, sorted, without repeats
 * @param membersWithRisk the members with a blacklist entry, a penalty for infringement or a
 *     confirmed alert, sorted
 */
public record SellerNetwork(
    String id, List<String> members, int size, List<String> regions, List<String> membersWithRisk) {

  public SellerNetwork {
    Objects.requireNonNull(id, "id");
    members = sorted(members);
    regions = sorted(regions);
    membersWithRisk = sorted(membersWithRisk);
    if (size < members.size()) {
      throw new IllegalArgumentException(
          "size " + size + " is below the " + members.size() + " members listed");
    }
  }

  /** Sorted without repeats, so that two finds of one network compare equal. */
  private static List<String> sorted(List<String> values) {
    return values == null ? List.of() : List.copyOf(new TreeSet<>(values));
  }

  /**
   * How many prefecture-level cities the members are registered in: a GB/T 2260 code's first four
   * digits name the city, so 320602 and 320611 are one city (Nantong) and 310101 another.
   */
  public int cities() {
    return (int)
        regions.stream()
            .filter(r -> r.length() >= 4)
            .map(r -> r.substring(0, 4))
            .distinct()
            .count();
  }
}
