package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iprradar.common.model.Alert;

/**
 * Where an alert is sent, as far as routing decides it: the part a routing change can move.
 *
 * @param bureau the lead bureau's id
 */
public record Placement(
    String bureau,
    List<String> coRecipients,
    String jurisdiction,
    String jurisdictionName,
    boolean crossRegion,
    boolean policeReferral,
    boolean supervisedCase) {

  public Placement {
    coRecipients = List.copyOf(coRecipients);
  }

  public static Placement of(Alert alert) {
    return new Placement(
        alert.bureau().id(),
        alert.coRecipients(),
        alert.jurisdiction(),
        alert.jurisdictionName(),
        alert.crossRegion(),
        alert.escalation().policeReferral(),
        alert.escalation().supervisedCase());
  }

  /** The names of the aspects in which {@code other} differs from this, in a fixed order. */
  public List<String> differences(Placement other) {
    var changed = new ArrayList<String>();
    if (!bureau.equals(other.bureau)) {
      changed.add("bureau");
    }
    // Order carries no meaning: every co-recipient gets the same copy.
    if (!new java.util.HashSet<>(coRecipients)
        .equals(new java.util.HashSet<>(other.coRecipients))) {
      changed.add("coRecipients");
    }
    if (!Objects.equals(jurisdiction, other.jurisdiction)
        || !Objects.equals(jurisdictionName, other.jurisdictionName)) {
      changed.add("jurisdiction");
    }
    if (crossRegion != other.crossRegion) {
      changed.add("crossRegion");
    }
    if (policeReferral != other.policeReferral) {
      changed.add("policeReferral");
    }
    if (supervisedCase != other.supervisedCase) {
      changed.add("supervisedCase");
    }
    return changed;
  }
}
