package org.iprradar.common.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an alert's history: who did what, when and why, and the status it moved the alert
 * from and to. Entries are only ever appended.
 */
public record AuditEntry(
    TriageActionType action,
    String actor,
    Instant at,
    String reason,
    String assignee,
    String decisionNumber,
    BigDecimal penaltyAmount,
    AlertStatus from,
    AlertStatus to) {

  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** The entry an accepted action leaves. */
  public static AuditEntry of(TriageAction action, AlertStatus from, AlertStatus to) {
    return new AuditEntry(
        action.action(),
        action.actor(),
        action.at(),
        action.reason(),
        action.assignee(),
        action.decisionNumber(),
        action.penaltyAmount(),
        from,
        to);
  }
}
