package org.iprradar.alerts.app;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;

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
