package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.iprradar.alerts.route.Amounts;
import org.iprradar.alerts.route.Escalator;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.Routing;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.Lead;

/**
 * Folds a lead into the alert of its key. The first lead creates and routes the alert; later leads
 * add or replace their listing's assessment and raise the score, so new evidence never creates a
 * duplicate. New evidence keeps the analysts' status and history: a confirmed case stays confirmed
 * while more of the seller's listings are added to it.
 *
 * <p>Routing is read from the {@link RoutingBook} at every lead, so a change of the routing table
 * applies to the next lead without a restart. An alert keeps the bureau it was routed to until new
 * evidence arrives; then, if no analyst has decided it yet ({@link #REROUTABLE}) and the routing
 * has changed since, it is routed again with the table in force. A decided case stays with its
 * bureau: it is in that bureau's hands.
 */
public final class AlertFolder {

  /** Listings kept on one alert; a seller with more is still one case, and the newest show. */
  static final int MAX_LISTINGS = 50;

  /** The statuses in which new evidence routes an alert again with a changed routing table. */
  public static final Set<AlertStatus> REROUTABLE =
      EnumSet.of(AlertStatus.OPEN, AlertStatus.ASSIGNED);

  private final RoutingBook routing;

  public AlertFolder(RoutingBook routing) {
    this.routing = routing;
  }

  /** A folder that routes with this router's table for ever (version 0), for tests and tools. */
  public AlertFolder(Router router) {
    this(new RoutingBook(RoutingInForce.of(0, "fixed", null, null, router.table())));
  }

  /** The routing this folder reads at every lead. */
  public RoutingBook routing() {
    return routing;
  }

  public Alert fold(Lead lead, Alert current) {
    RoutingInForce inForce = routing.current();
    Assessment latest = lead.assessment();
    if (current == null) {
      Routing routed = inForce.router().route(lead);
      var created =
          new Alert(
              Alert.SCHEMA_VERSION,
              lead.key(),
              lead.key(),
              AlertStatus.OPEN,
              routed.bureau(),
              routed.coRecipients(),
              routed.jurisdiction(),
              routed.jurisdictionName(),
              routed.crossRegion(),
              lead.infringementType(),
              lead.category(),
              lead.platform(),
              lead.sellerId(),
              latest.score(),
              List.of(latest),
              latest.assessedAt(),
              latest.assessedAt(),
              List.of(),
              null,
              0,
              Escalation.NONE,
              null,
              List.of(),
              inForce.version());
      return escalate(created, latest.crossBorder(), inForce);
    }
    var listings = new ArrayList<Assessment>();
    listings.add(latest);
    current.listings().stream()
        .filter(a -> !a.listingKey().equals(latest.listingKey()))
        .forEach(listings::add);
    listings.sort(
        Comparator.comparing(
                Assessment::assessedAt,
                Comparator.nullsLast(Comparator.<java.time.Instant>naturalOrder()))
            .reversed());
    List<Assessment> kept = listings.subList(0, Math.min(MAX_LISTINGS, listings.size()));
    double score = kept.stream().mapToDouble(Assessment::score).max().orElse(latest.score());
    var updated = current.withEvidence(score, kept, latest.assessedAt());
    if (REROUTABLE.contains(updated.status())
        && !Objects.equals(updated.routingVersion(), inForce.version())) {
      return reroute(updated, lead.sellerRegion(), inForce);
    }
    return escalate(updated, latest.crossBorder(), inForce);
  }

  /**
   * The alert as this routing would route it now, from its newest listing: what new evidence would
   * make of it. Escalation already set stays set (see {@link #escalate}).
   */
  public static Alert reroute(Alert alert, RoutingInForce routing) {
    Assessment newest = alert.listings().isEmpty() ? null : alert.listings().get(0);
    String region = newest == null ? alert.jurisdiction() : newest.sellerRegion();
    return reroute(alert, region, routing);
  }

  private static Alert reroute(Alert alert, String sellerRegion, RoutingInForce routing) {
    // Customs stays a co-recipient once any listing was offered for export, as escalate keeps it.
    boolean crossBorder = alert.listings().stream().anyMatch(Assessment::crossBorder);
    Routing routed =
        routing.router().route(alert.infringementType(), alert.category(), sellerRegion);
    var moved =
        alert.withRouting(
            routed.bureau(),
            routed.coRecipients(),
            routed.jurisdiction(),
            routed.jurisdictionName(),
            routed.crossRegion(),
            routing.version());
    return escalate(moved, crossBorder, routing);
  }

  /**
   * Recomputes the amounts over the kept listings and adds what they call for to the escalation and
   * co-recipients, with the thresholds in force. Escalation is kept once set even when a later
   * assessment lowers the sum (a listing re-read with fewer units, an older listing dropped from
   * the kept ones) or a later table raises a threshold: the sales that crossed the line happened,
   * the police or leading group have been told, and a referral that flickers with each re-crawl
   * would be worse than useless to them.
   */
  private static Alert escalate(Alert alert, boolean crossBorder, RoutingInForce routing) {
    Escalator escalator = routing.escalator();
    Amounts amounts = Amounts.of(alert.listings());
    Escalation escalation =
        alert
            .escalation()
            .and(escalator.assess(alert.infringementType(), alert.category(), alert.listings()));
    var coRecipients = new LinkedHashSet<>(alert.coRecipients());
    coRecipients.addAll(escalator.coRecipients(escalation, crossBorder, alert.bureau().id()));
    return alert.withEscalation(
        List.copyOf(coRecipients), amounts.estimatedSales(), amounts.unitsSold(), escalation);
  }
}
