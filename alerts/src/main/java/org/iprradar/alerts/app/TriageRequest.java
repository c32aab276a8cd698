package org.iprradar.alerts.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.iprradar.web.security.Roles;

/**
 * An analyst's action as posted over HTTP. The alert id comes from the path and the time from the
 * server's clock, so a client can neither act on another alert nor back-date the audit trail.
 *
 * @param action one of {@link TriageActionType}, case-insensitive
 * @param requestId the client's id for this request: a repeat with the same id is applied once
 */
public record TriageRequest(
    String action,
    String actor,
    @Nullable String reason,
    @Nullable String assignee,
    @Nullable String decisionNumber,
    @Nullable BigDecimal penaltyAmount,
    @Nullable String requestId) {

  /**
   * The action this request stands for.
   *
   * @throws InvalidFieldException naming the first field that is missing or wrong
   */
  public TriageAction toAction(String alertId, Instant at) {
    return new TriageAction(
        alertId, type(), actor, at, reason, assignee, decisionNumber, penaltyAmount, requestId);
  }

  /**
   * This request with the id from the {@code Idempotency-Key} header, when the body has none.
   *
   * @throws InvalidFieldException when the body and the header name different ids
   */
  public TriageRequest withRequestId(String headerId) {
    if (headerId == null || headerId.isBlank()) {
      return this;
    }
    if (requestId != null && !requestId.isBlank() && !requestId.strip().equals(headerId.strip())) {
      throw new InvalidFieldException(
          "requestId",
          "is '"
              + requestId
              + "' but the Idempotency-Key header is '"
              + headerId
              + "'; send one id, or the same in both");
    }
    return new TriageRequest(
        action, actor, reason, assignee, decisionNumber, penaltyAmount, headerId.strip());
  }

  /**
   * This request as the signed-in caller may make it: the actor is the caller's account name when
   * the body names none. Only a supervisor may record an action in another's name (a supervisor
   * entering what an analyst did on paper); anyone else naming another actor is refused.
   *
   * @param caller null when security is switched off, which leaves the request as it is
   * @throws InvalidFieldException when the body names another actor and the caller may not
   */
  public TriageRequest actingAs(Authentication caller) {
    if (caller == null) {
      return this;
    }
    if (actor == null || actor.isBlank()) {
      return new TriageRequest(
          action, caller.getName(), reason, assignee, decisionNumber, penaltyAmount, requestId);
    }
    if (!actor.strip().equals(caller.getName()) && !caller.getRoles().contains(Roles.SUPERVISOR)) {
      throw new InvalidFieldException(
          "actor",
          "is '"
              + actor
              + "' but you are signed in as '"
              + caller.getName()
              + "'; leave it out or name yourself");
    }
    return this;
  }

  private TriageActionType type() {
    if (action == null || action.isBlank()) {
      throw new InvalidFieldException("action", "is required");
    }
    try {
      return TriageActionType.valueOf(action.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          "action",
          "must be one of "
              + Arrays.toString(TriageActionType.values())
              + ", was '"
              + action
              + "'");
    }
  }
}
