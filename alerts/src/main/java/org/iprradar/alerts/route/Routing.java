package org.iprradar.alerts.route;

import java.util.List;
import org.iprradar.common.model.Bureau;

/**
 * Where a lead goes.
 *
 * @param jurisdiction the seller's GB/T 2260 code, or the city's when the seller's region is
 *     unknown
 * @param crossRegion the seller is outside the city: a notification to that region (线索通报), not a
 *     case
 */
public record Routing(
    Bureau bureau,
    List<String> coRecipients,
    String jurisdiction,
    String jurisdictionName,
    boolean crossRegion) {
  public Routing {
    coRecipients = List.copyOf(coRecipients);
  }
}
