package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param estimatedSales the sum of the listings' estimated sales in CNY (price × units sold), over
 *     the listings kept on the alert; null when no listing reports units sold, and in alerts
 *     written before it existed
 * @param unitsSold the sum of the listings' units sold, where known; 0 in older alerts
 * @param escalation criminal referral and supervised case; {@link Escalation#NONE} in older alerts
 * @param assignee the analyst of the latest ASSIGN action, or null; alerts written before the field
 *     existed take it from their history
 * @param deliveries the latest webhook outcome of each recent version and bureau, oldest first, at
 *     most {@link #MAX_DELIVERIES}; empty in older alerts
 * @param routingVersion the version of the routing configuration that chose the bureau,
 *     jurisdiction and escalation thresholds (0 for the start-up file); null in alerts written
 *     before routing had versions
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
    List<AuditEntry> history,
    BigDecimal estimatedSales,
    long unitsSold,
    Escalation escalation,
    String assignee,
    List<DeliveryOutcome> deliveries,
    Integer routingVersion) {

  public static final int SCHEMA_VERSION = 1;

  /** Delivery outcomes kept on an alert; the oldest go first. */
  public static final int MAX_DELIVERIES = 20;

  // The creator is named because the record has a second constructor.
  @JsonCreator
  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(leadKey, "leadKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bureau, "bureau");
    coRecipients = coRecipients == null ? List.of() : List.copyOf(coRecipients);
    listings = listings == null ? List.of() : List.copyOf(listings);
    history = history == null ? List.of() : List.copyOf(history);
    escalation = escalation == null ? Escalation.NONE : escalation;
    if (assignee == null) {
      assignee = latestAssignee(history);
    }
    deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
  }

  /** An alert without a routing version, as alerts were before routing had versions. */
  public Alert(
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
      List<AuditEntry> history,
      BigDecimal estimatedSales,
      long unitsSold,
      Escalation escalation,
      String assignee,
      List<DeliveryOutcome> deliveries) {
    this(
        schemaVersion,
        id,
        leadKey,
        status,
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
        updatedAt,
        history,
        estimatedSales,
        unitsSold,
        escalation,
        assignee,
        deliveries,
        null);
  }

  /** An alert without assignee or deliveries, as alerts were before either existed. */
  public Alert(
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
      List<AuditEntry> history,
      BigDecimal estimatedSales,
      long unitsSold,
      Escalation escalation) {
    this(
        schemaVersion,
        id,
        leadKey,
        status,
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
        updatedAt,
        history,
        estimatedSales,
        unitsSold,
        escalation,
        null,
        List.of());
  }

  /** An alert without amounts or escalation, as alerts were before escalation existed. */
  public Alert(
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
    this(
        schemaVersion,
        id,
        leadKey,
        status,
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
        updatedAt,
        history,
        null,
        0,
        Escalation.NONE);
  }

  /** This alert with new evidence: the listings it keeps, their highest score, and when. */
  public Alert withEvidence(double newScore, List<Assessment> newListings, Instant assessedAt) {
    return new Alert(
        schemaVersion,
        id,
        leadKey,
        status,
        bureau,
        coRecipients,
        jurisdiction,
        jurisdictionName,
        crossRegion,
        infringementType,
        category,
        platform,
        sellerId,
        newScore,
        newListings,
        createdAt,
        assessedAt,
        history,
        estimatedSales,
        unitsSold,
        escalation,
        assignee,
        deliveries,
        routingVersion);
  }

  /**
   * This alert sent elsewhere: the bureau, co-recipients and jurisdiction a routing table chose,
   * and that table's version. Status, history and evidence stay.
   */
  public Alert withRouting(
      Bureau newBureau,
      List<String> newCoRecipients,
      String newJurisdiction,
      String newJurisdictionName,
      boolean newCrossRegion,
      int newRoutingVersion) {
    return new Alert(
        schemaVersion,
        id,
        leadKey,
        status,
        newBureau,
        newCoRecipients,
        newJurisdiction,
        newJurisdictionName,
        newCrossRegion,
        infringementType,
        category,
        platform,
        sellerId,
        score,
        listings,
        createdAt,
        updatedAt,
        history,
        estimatedSales,
        unitsSold,
        escalation,
        assignee,
        deliveries,
        newRoutingVersion);
  }

  /** This alert with its amounts recomputed and its escalation and co-recipients updated. */
  public Alert withEscalation(
      List<String> newCoRecipients,
      BigDecimal newEstimatedSales,
      long newUnitsSold,
      Escalation newEscalation) {
    return new Alert(
        schemaVersion,
        id,
        leadKey,
        status,
        bureau,
        newCoRecipients,
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
        updatedAt,
        history,
        newEstimatedSales,
        newUnitsSold,
        newEscalation,
        assignee,
        deliveries,
        routingVersion);
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
        appended,
        estimatedSales,
        unitsSold,
        escalation,
        entry.action() == TriageActionType.ASSIGN ? entry.assignee() : assignee,
        deliveries,
        routingVersion);
  }

  /**
   * This alert with a webhook outcome: it replaces the earlier outcome of the same version and
   * bureau, or is added, dropping the oldest beyond {@link #MAX_DELIVERIES}. Neither the status nor
   * {@code updatedAt} change: a delivery is news for the bureau, not a change of the case.
   */
  public Alert withDelivery(DeliveryOutcome outcome) {
    var kept = new ArrayList<DeliveryOutcome>(deliveries.size() + 1);
    boolean replaced = false;
    for (DeliveryOutcome earlier : deliveries) {
      if (earlier.sameDelivery(outcome)) {
        kept.add(outcome);
        replaced = true;
      } else {
        kept.add(earlier);
      }
    }
    if (!replaced) {
      kept.add(outcome);
    }
    List<DeliveryOutcome> newest =
        kept.subList(Math.max(0, kept.size() - MAX_DELIVERIES), kept.size());
    return new Alert(
        schemaVersion,
        id,
        leadKey,
        status,
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
        updatedAt,
        history,
        estimatedSales,
        unitsSold,
        escalation,
        assignee,
        newest,
        routingVersion);
  }

  /** The entry of the action with this client request id, if the history has one. */
  public Optional<AuditEntry> entryOfRequest(String requestId) {
    if (requestId == null) {
      return Optional.empty();
    }
    return history.stream().filter(e -> requestId.equals(e.requestId())).findFirst();
  }

  private static String latestAssignee(List<AuditEntry> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).action() == TriageActionType.ASSIGN) {
        return history.get(i).assignee();
      }
    }
    return null;
  }
}
