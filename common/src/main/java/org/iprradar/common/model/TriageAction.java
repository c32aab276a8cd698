package org.iprradar.common.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One analyst action on an alert, as written to the {@code triage-actions} topic. The alert's
 * status and history are derived from these events, so the record checks everything that does not
 * depend on the alert's current status; whether the action is allowed now is the state machine's
 * question.
 *
 * @param alertId the alert, which is also the record key
 * @param actor who acted (an analyst's user id)
 * @param at when the action was accepted
 * @param reason why, or the text of a {@link TriageActionType#NOTE}; required for DISMISS and NOTE
 * @param assignee the analyst an {@link TriageActionType#ASSIGN} gives the alert to
 * @param decisionNumber the penalty decision's document number, for RECORD_PENALTY
 * @param penaltyAmount the fine in CNY, for RECORD_PENALTY
 */
public record TriageAction(
    String alertId,
    TriageActionType action,
    String actor,
    Instant at,
    String reason,
    String assignee,
    String decisionNumber,
    BigDecimal penaltyAmount) {

  /** Longest free text kept, so one action cannot bloat the alert that carries its history. */
  public static final int MAX_TEXT = 2000;

  public TriageAction {
    alertId = required("alertId", alertId);
    if (action == null) {
      throw new InvalidFieldException("action", "is required");
    }
    actor = required("actor", actor);
    if (at == null) {
      throw new InvalidFieldException("at", "is required");
    }
    reason = optional("reason", reason);
    assignee = optional("assignee", assignee);
    decisionNumber = optional("decisionNumber", decisionNumber);
    switch (action) {
      case ASSIGN -> required("assignee", assignee);
      case DISMISS -> required("reason", reason);
      case NOTE -> required("reason", reason);
      case RECORD_PENALTY -> {
        required("decisionNumber", decisionNumber);
        if (penaltyAmount == null) {
          throw new InvalidFieldException("penaltyAmount", "is required for RECORD_PENALTY");
        }
        if (penaltyAmount.signum() < 0) {
          throw new InvalidFieldException(
              "penaltyAmount", "must be at least 0, was " + penaltyAmount.toPlainString());
        }
      }
      default -> {
        // The other actions need nothing beyond actor and time.
      }
    }
    if (action != TriageActionType.ASSIGN && assignee != null) {
      throw new InvalidFieldException("assignee", "is only for ASSIGN");
    }
    if (action != TriageActionType.RECORD_PENALTY
        && (decisionNumber != null || penaltyAmount != null)) {
      throw new InvalidFieldException(
          decisionNumber != null ? "decisionNumber" : "penaltyAmount",
          "is only for RECORD_PENALTY");
    }
  }

  private static String required(String field, String value) {
    String kept = optional(field, value);
    if (kept == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return kept;
  }

  private static String optional(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String kept = value.strip();
    if (kept.length() > MAX_TEXT) {
      throw new InvalidFieldException(field, "must be at most " + MAX_TEXT + " characters");
    }
    return kept;
  }
}
