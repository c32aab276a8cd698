package org.iprradar.alerts.triage;

import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AuditEntry;
import org.iprradar.common.model.TriageAction;

/** Applies an analyst's action to an alert, or refuses it. */
public final class Triage {

  private Triage() {}

  /**
   * The alert after {@code action}: its new status, and an entry appended to its history.
   *
   * @throws IllegalTransitionException when the alert's status does not allow the action
   */
  public static Alert apply(Alert alert, TriageAction action) {
    var to =
        TriageStateMachine.next(alert.status(), action.action())
            .orElseThrow(
                () -> new IllegalTransitionException(alert.id(), alert.status(), action.action()));
    return alert.record(AuditEntry.of(action, alert.status(), to));
  }
}
