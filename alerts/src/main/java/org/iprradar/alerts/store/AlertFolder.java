package org.iprradar.alerts.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import org.iprradar.alerts.route.Amounts;
import org.iprradar.alerts.route.Escalator;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.Routing;
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
 */
public final class AlertFolder {

  /** Listings kept on one alert; a seller with more is still one case, and the newest show. */
  static final int MAX_LISTINGS = 50;

  private final Router router;
  private final Escalator escalator;

  public AlertFolder(Router router) {
    this.router = router;
    this.escalator = new Escalator(router.table());
  }

  public Alert fold(Lead lead, Alert current) {
    Assessment latest = lead.assessment();
    if (current == null) {
      Routing routing = router.route(lead);
      var created =
          new Alert(
              Alert.SCHEMA_VERSION,
              lead.key(),
              lead.key(),
              AlertStatus.OPEN,
              routing.bureau(),
              routing.coRecipients(),
              routing.jurisdiction(),
              routing.jurisdictionName(),
              routing.crossRegion(),
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
              Escalation.NONE);
      return escalate(created, latest);
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
    return escalate(updated, latest);
  }

  /**
   * Recomputes the amounts over the kept listings and adds what they call for to the escalation and
   * co-recipients. Escalation is kept once set even when a later assessment lowers the sum (a
   * listing re-read with fewer units, an older listing dropped from the kept ones): the sales that
   * crossed the line happened, the police or leading group have been told, and a referral that
   * flickers with each re-crawl would be worse than useless to them.
   */
  private Alert escalate(Alert alert, Assessment latest) {
    Amounts amounts = Amounts.of(alert.listings());
    Escalation escalation =
        alert
            .escalation()
            .and(escalator.assess(alert.infringementType(), alert.category(), alert.listings()));
    var coRecipients = new LinkedHashSet<>(alert.coRecipients());
    coRecipients.addAll(
        escalator.coRecipients(escalation, latest.crossBorder(), alert.bureau().id()));
    return alert.withEscalation(
        List.copyOf(coRecipients), amounts.estimatedSales(), amounts.unitsSold(), escalation);
  }
}
