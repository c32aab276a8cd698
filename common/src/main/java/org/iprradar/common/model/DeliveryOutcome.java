package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to the webhook delivery of one alert version to one bureau, as written to the
 * {@code alert-delivery-outcomes} topic after every attempt and kept on the alert. A later outcome
 * of the same bureau and idempotency key replaces an earlier one.
 *
 * @param idempotencyKey the key the bureau received: one per alert version
 * @param attempts requests sent so far, the first one included
 * @param httpStatus the last response's status, or 0 when the last attempt got no response
 * @param lastError why the last attempt failed, in one line; null once delivered
 * @param nextRetryAt when the next attempt is due; null unless {@link DeliveryState#RETRYING}
 * @param at when this outcome was recorded
 */
public record DeliveryOutcome(
    String alertId,
    String bureauId,
    String idempotencyKey,
    DeliveryState state,
    int attempts,
    int httpStatus,
    String lastError,
    Instant nextRetryAt,
    Instant at) {

  public DeliveryOutcome {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(bureauId, "bureauId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }

  /** True when the bureau got this version; in the JSON for clients that only ask that. */
  @JsonProperty("delivered")
  public boolean delivered() {
    return state == DeliveryState.DELIVERED;
  }

  /** True when this outcome and {@code other} are about the same version and bureau. */
  public boolean sameDelivery(DeliveryOutcome other) {
    return bureauId.equals(other.bureauId) && idempotencyKey.equals(other.idempotencyKey);
  }
}
