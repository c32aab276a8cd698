package org.iprradar.common.model;

import java.util.Objects;

/**
 * An assessment that crossed the lead threshold, keyed per seller and infringement type so that
 * several infringing listings of one seller become one case for one bureau.
 */
public record Lead(
    String key,
    String platform,
    String sellerId,
    String sellerRegion,
    InfringementType infringementType,
    String category,
    Assessment assessment) {

  public Lead {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(infringementType, "infringementType");
    Objects.requireNonNull(assessment, "assessment");
  }

  /** The lead key: {@code platform:sellerId:TYPE}. */
  public static String key(String platform, String sellerId, InfringementType type) {
    return platform + ":" + sellerId + ":" + type.name();
  }

  /** Builds the lead that an assessment above the threshold stands for. */
  public static Lead of(Assessment a) {
    return new Lead(
        key(a.platform(), a.sellerId(), a.infringementType()),
        a.platform(),
        a.sellerId(),
        a.sellerRegion(),
        a.infringementType(),
        a.category(),
        a);
  }
}
