package org.iprradar.common.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The risk verdict on one listing version: a 0-100 score and the signals whose contributions add up
 * to it. Exactly one is written to the {@code assessments} topic per listing version.
 */
public record Assessment(
    int schemaVersion,
    String listingKey,
    String platform,
    String listingId,
    long listingVersion,
    String title,
    BigDecimal price,
    String sellerId,
    String sellerRegion,
    String shopName,
    String category,
    double score,
    InfringementType infringementType,
    String brandId,
    boolean lead,
    List<Signal> signals,
    Instant assessedAt) {

  public static final int SCHEMA_VERSION = 1;

  public Assessment {
    Objects.requireNonNull(listingKey, "listingKey");
    Objects.requireNonNull(infringementType, "infringementType");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be within 0..100, was " + score);
    }
    signals = signals == null ? List.of() : List.copyOf(signals);
  }
}
