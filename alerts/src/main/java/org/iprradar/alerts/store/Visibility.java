package org.iprradar.alerts.store;

import java.util.Objects;
import org.iprradar.common.model.Alert;

/**
 * The alerts an analyst may see and act on: those routed to their bureau (and district, when they
 * have one), and, for the police bureau's analysts, the criminal referrals that name the police as
 * co-recipient. Travels inside {@link AlertFilter}, so that every instance applies it to its own
 * part of the store and counts and pages come out right.
 *
 * @param bureau the analyst's bureau id; an analyst without one sees nothing
 * @param district the GB/T 2260 district code the analyst is scoped to, or null for the whole
 *     bureau
 * @param policeBureau the bureau that receives criminal referrals, as the routing in force names it
 */
public record Visibility(String bureau, String district, String policeBureau) {

  public Visibility {
    bureau = bureau == null ? "" : bureau;
  }

  public boolean sees(Alert alert) {
    if (bureau.isEmpty()) {
      return false;
    }
    boolean routedHere = bureau.equals(alert.bureau().id());
    boolean referredHere =
        alert.escalation().policeReferral()
            && bureau.equals(policeBureau)
            && alert.coRecipients().contains(bureau);
    return (routedHere || referredHere)
        && (district == null || Objects.equals(district, alert.jurisdiction()));
  }
}
