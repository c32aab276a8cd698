package org.iprradar.detect.score;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iprradar.common.model.SellerRecord;

/**
 * A seller's network as found in the seller store: every member's record, and for each member other
 * than the one searched from, the identity hash through which it was reached.
 *
 * @param id the network's name, the same from whichever member it was found
 * @param members the members' records, the searched seller's own included
 * @param linkedBy member key to the shared identity hash that linked it in, prefixed with its kind
 *     ({@code phone:}) when a seller named it
 * @param complete false when the search stopped at its bound and more members may exist
 */
public record LinkedSellers(
    String id, List<SellerRecord> members, Map<String, String> linkedBy, boolean complete) {

  public LinkedSellers {
    Objects.requireNonNull(id, "id");
    members = List.copyOf(members);
    linkedBy = Map.copyOf(linkedBy);
  }
}
