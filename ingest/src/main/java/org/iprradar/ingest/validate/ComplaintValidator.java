package org.iprradar.ingest.validate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ComplaintSource;

/**
 * Checks a complaint: a consumer's 12315 complaint, a rights holder's notice with evidence links,
 * or a platform's export. It must name the listing, the seller, or both.
 */
public final class ComplaintValidator implements RecordValidator<Complaint> {

  private static final int MAX_TEXT = 10_000;
  private static final int MAX_URL = 2_000;
  private static final int MAX_EVIDENCE = 50;

  private final Clock clock;

  public ComplaintValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Verdict<Complaint> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<Complaint> notObject = RecordValidator.notAnObject(record, "complaint");
    if (notObject != null) {
      return notObject;
    }
    var fields = new Fields(record.json());
    String platform = fields.identifier("platform", true);
    String complaintId = fields.identifier("complaintId", true);
    ComplaintSource source = fields.oneOf("source", true, ComplaintSource.class);
    String listingId = fields.identifier("listingId", false);
    String sellerId = fields.identifier("sellerId", false);
    if (record.json().path("listingId").isMissingNode()
        && record.json().path("sellerId").isMissingNode()) {
      fields.error("listingId", "a complaint must name a listingId, a sellerId or both");
    }
    String brandId = fields.identifier("brandId", false);
    String text = fields.text("text", false, MAX_TEXT);
    List<String> evidence = fields.stringList("evidenceUrls", MAX_EVIDENCE, MAX_URL);
    Instant receivedAt = fields.instant("receivedAt", false);
    if (!fields.errors().isEmpty()) {
      return Verdict.rejected(record, fields.errors());
    }
    if (listingId == null && sellerId == null) {
      // Both were present but null or blank.
      return Verdict.rejected(
          record,
          List.of(
              new FieldError(
                  "listingId", "a complaint must name a listingId, a sellerId or both")));
    }
    var complaint =
        new Complaint(
            platform,
            complaintId,
            source,
            listingId,
            sellerId,
            brandId,
            text,
            evidence,
            receivedAt == null ? clock.instant() : receivedAt);
    return Verdict.accepted(record, complaint.key(), complaint, fields.normalised());
  }
}
