package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an alert's history: who did what, when and why, and the status it moved the alert
 * from and to. Entries are only ever appended.
 *
 * @param requestId the client's id of the request that made the entry, or null
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
    AlertStatus to,
    String requestId) {

  // The creator is named because the record has a second constructor.
  @JsonCreator
  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** An entry without a request id, as entries were before it existed. */
  public AuditEntry(
      TriageActionType action,
      String actor,
      Instant at,
      String reason,
      String assignee,
      String decisionNumber,
      BigDecimal penaltyAmount,
      AlertStatus from,
      AlertStatus to) {
    this(action, actor, at, reason, assignee, decisionNumber, penaltyAmount, from, to, null);
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
        to,
        action.requestId());
  }

  /** The action this entry records, as it was accepted: for answering a repeated request. */
  public TriageAction toAction(String alertId) {
    return new TriageAction(
        alertId, action, actor, at, reason, assignee, decisionNumber, penaltyAmount, requestId);
  }
}
