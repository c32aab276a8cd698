package org.iprradar.common.model;

import java.time.Instant;
import java.util.ArrayList;
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
 * @param history the analysts' actions, oldest first; absent in alerts written before triage, which
 *     read as an empty history
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
    Instant updatedAt,
    List<AuditEntry> history) {

  public static final int SCHEMA_VERSION = 1;

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leadKey, "leadKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bureau, "bureau");
    coRecipients = coRecipients == null ? List.of() : List.copyOf(coRecipients);
    listings = listings == null ? List.of() : List.copyOf(listings);
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * This alert after an accepted action: the entry's status, and the entry appended to the history.
   * The only way history grows, so entries are never edited or removed.
   */
  public Alert record(AuditEntry entry) {
    var appended = new ArrayList<AuditEntry>(history.size() + 1);
    appended.addAll(history);
    appended.add(entry);
    Instant updated = updatedAt == null || entry.at().isAfter(updatedAt) ? entry.at() : updatedAt;
    return new Alert(
        schemaVersion,
        id,
        leadKey,
        entry.to(),
        bureau,
        coRecipients,
        jurisdiction,
        jurisdictionName,
        crossRegion,
        infringementType,
        category,
        platform,
        sellerId,
        score,
        listings,
        createdAt,
        updated,
        appended);
  }
}
