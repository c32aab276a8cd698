package org.iprradar.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;

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
}
