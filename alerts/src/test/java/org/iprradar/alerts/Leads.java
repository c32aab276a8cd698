package org.iprradar.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;

/** Builds leads for tests. */
public final class Leads {

  private Leads() {}

  public static Lead lead(
      String listingId,
      String sellerId,
      String region,
      InfringementType type,
      String category,
      double score,
      Instant at) {
    var assessment =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:" + listingId,
            "taobao",
            listingId,
            1,
            "title of " + listingId,
            new BigDecimal("10"),
            sellerId,
            region,
            "shop of " + sellerId,
            category,
            score,
            type,
            null,
            true,
            List.of(),
            at);
    return Lead.of(assessment);
  }

  /**
   * A lead of a seller in 崇川区 for a listing that reports its sales: {@code units} sold at {@code
   * price} yuan, with signals of these rule ids.
   */
  public static Lead sold(
      String listingId,
      String sellerId,
      InfringementType type,
      String category,
      String price,
      long units,
      boolean crossBorder,
      Instant at,
      String... ruleIds) {
    var signals =
        Arrays.stream(ruleIds)
            .map(id -> new Signal(SignalType.TEXT_RULE, id, 1, type, null, 60, id, List.of()))
            .toList();
    var assessment =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:" + listingId,
            "taobao",
            listingId,
            1,
            "title of " + listingId,
            new BigDecimal(price),
            sellerId,
            "320602",
            "shop of " + sellerId,
            category,
            80,
            type,
            null,
            true,
            signals,
            at,
            Assessment.estimatedSales(new BigDecimal(price), units),
            crossBorder);
    return Lead.of(assessment);
  }
}
