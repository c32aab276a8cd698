package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

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
 * @param requestId the client's id of this request, so that a repeat is applied once; optional
 */
public record TriageAction(
    String alertId,
    TriageActionType action,
    String actor,
    Instant at,
    String reason,
    String assignee,
    String decisionNumber,
    BigDecimal penaltyAmount,
    String requestId) {

  /** Longest free text kept, so one action cannot bloat the alert that carries its history. */
  public static final int MAX_TEXT = 2000;

  /** Longest client request id kept. */
  public static final int MAX_REQUEST_ID = 200;

  // The creator is named because the record has a second constructor.
  @JsonCreator
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
    requestId = optional("requestId", requestId);
    if (requestId != null && requestId.length() > MAX_REQUEST_ID) {
      throw new InvalidFieldException(
          "requestId", "must be at most " + MAX_REQUEST_ID + " characters");
    }
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

  /** An action without a client request id, as actions were before it existed. */
  public TriageAction(
      String alertId,
      TriageActionType action,
      String actor,
      Instant at,
      String reason,
      String assignee,
      String decisionNumber,
      BigDecimal penaltyAmount) {
    this(alertId, action, actor, at, reason, assignee, decisionNumber, penaltyAmount, null);
  }

  /**
   * True when {@code other} asks for the same thing: the same action with the same details. The
   * time and request id are left out: a repeat of a request is accepted at another time.
   */
  public boolean sameRequest(TriageAction other) {
    return action == other.action
        && Objects.equals(actor, other.actor)
        && Objects.equals(reason, other.reason)
        && Objects.equals(assignee, other.assignee)
        && Objects.equals(decisionNumber, other.decisionNumber)
        && (penaltyAmount == null
            ? other.penaltyAmount == null
            : other.penaltyAmount != null && penaltyAmount.compareTo(other.penaltyAmount) == 0);
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
