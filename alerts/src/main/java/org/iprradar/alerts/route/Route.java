package org.iprradar.alerts.route;

import java.util.List;
import java.util.Objects;
import org.iprradar.common.model.InfringementType;

/**
 * One line of the routing table: leads of this type (and category, when given) go to this bureau.
 *
 * @param category the listing category this line is limited to, or null for all categories
 * @param coRecipients bureaus that receive a copy
 */
public record Route(
    InfringementType type, String category, String bureau, List<String> coRecipients) {
  public Route {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(bureau, "bureau");
    coRecipients = coRecipients == null ? List.of() : List.copyOf(coRecipients);
  }
}
