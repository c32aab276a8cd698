package org.iprradar.common.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A routed lead as analysts see it: the responsible bureau and jurisdiction, the score, and the
 * assessed listings with their signals and evidence. One alert per lead key; new evidence updates
 * it.
 *
 * @param jurisdiction GB/T 2260 code of the seller's region, or the city's code when it is unknown
 * @param crossRegion true when the seller is outside the city: a notification to that region, not a
 *     local case
 * @param listings the latest assessment of each listing that contributed, newest first
 */
public record Alert(
    int schemaVersion,
    String id,
    String leadKey,
    AlertStatus status,
    Bureau bureau,
    List<String> coRecipients,
    String jurisdiction,
    String jurisdictionName,
    boolean crossRegion,
    InfringementType infringementType,
    String category,
    String platform,
    String sellerId,
    double score,
    List<Assessment> listings,
    Instant createdAt,
    Instant updatedAt) {

  public static final int SCHEMA_VERSION = 1;

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leadKey, "leadKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bureau, "bureau");
    coRecipients = coRecipients == null ? List.of() : List.copyOf(coRecipients);
    listings = listings == null ? List.of() : List.copyOf(listings);
  }
}
