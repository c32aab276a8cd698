package org.iprradar.alerts.triage;

import java.util.List;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;

/** An action the alert's current status does not allow; carries what it would allow. */
public final class IllegalTransitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final AlertStatus status;
  private final List<TriageActionType> allowed;

  public IllegalTransitionException(String alertId, AlertStatus status, TriageActionType action) {
    super(
        action
            + " is not allowed on alert "
            + alertId
            + " in status "
            + status
            + "; allowed: "
            + TriageStateMachine.allowed(status));
    this.status = status;
    this.allowed = List.copyOf(TriageStateMachine.allowed(status));
  }

  public AlertStatus status() {
    return status;
  }

  /** The actions the alert's status allows, in declaration order. */
  public List<TriageActionType> allowed() {
    return allowed;
  }
}
