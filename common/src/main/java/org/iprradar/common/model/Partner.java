package org.iprradar.common.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A platform partner: the marketplace's program that sends listings, complaints and seller records
 * for its own platforms, authenticated by API keys.
 *
 * @param platforms the platform ids it may write for (a listing's {@code platform})
 * @param keys every key it was issued, revoked ones included, so that the history is kept; only
 *     hashes, never the keys themselves
 */
public record Partner(
    String partnerId,
    String name,
    List<String> platforms,
    List<PartnerKey> keys,
    Instant updatedAt) {

  public Partner {
    Objects.requireNonNull(partnerId, "partnerId");
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
