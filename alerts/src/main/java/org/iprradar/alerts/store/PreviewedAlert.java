package org.iprradar.alerts.store;

import java.util.List;
import org.iprradar.common.model.AlertStatus;

/**
 * One open alert that a draft routing would send elsewhere.
 *
 * @param current where it is sent now
 * @param draft where the draft would send it at its next evidence
 * @param changes what differs: {@code bureau}, {@code coRecipients}, {@code jurisdiction}, {@code
 *     crossRegion}, {@code policeReferral}, {@code supervisedCase}
 */
public record PreviewedAlert(
    String id,
    AlertStatus status,
    Integer routingVersion,
    Placement current,
    Placement draft,
    List<String> changes) {

  public PreviewedAlert {
    changes = List.copyOf(changes);
  }
}
