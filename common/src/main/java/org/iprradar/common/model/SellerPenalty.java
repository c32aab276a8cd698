package org.iprradar.common.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One administrative penalty (行政处罚) a market regulator imposed on a seller, as published.
 *
 * @param decisionNo the decision number, e.g. 通市监罚〔2025〕12号
 * @param date the date of the decision
 * @param reason what the penalty was for, as the decision states it (销售侵犯注册商标专用权商品)
 * @param amount the fine in CNY, or null when none is published
 */
public record SellerPenalty(String decisionNo, LocalDate date, String reason, BigDecimal amount) {

  public SellerPenalty {
    Objects.requireNonNull(decisionNo, "decisionNo");
    Objects.requireNonNull(date, "date");
    if (decisionNo.isBlank()) {
      throw new IllegalArgumentException("decisionNo must not be blank");
    }
    reason = reason == null ? "" : reason;
    if (amount != null && amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
  }
}
