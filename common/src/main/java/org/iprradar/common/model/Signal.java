package org.iprradar.common.model;

import java.util.List;
import java.util.Objects;

/**
 * One reason behind a score. The contributions of an assessment's signals add up to its score.
 *
 * @param ruleId the rule, or {@code brand:<brandId>} for a brand-derived rule
 * @param contribution points this signal adds to the 0-100 score; negative for a signal that speaks
 *     against infringement ({@link SignalType#PRICE_WITHIN_BAND})
 * @param reason a human sentence: why this signal counts
 */
public record Signal(
    SignalType type,
    String ruleId,
    int ruleVersion,
    InfringementType infringementType,
    String brandId,
    double contribution,
    String reason,
    List<Evidence> evidence) {

  public Signal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(infringementType, "infringementType");
    reason = reason == null ? "" : reason;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** The same signal with another contribution, used when the total is capped at 100. */
  public Signal withContribution(double newContribution) {
    return new Signal(
        type, ruleId, ruleVersion, infringementType, brandId, newContribution, reason, evidence);
  }
}
