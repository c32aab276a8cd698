package org.iprradar.common.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One complaint about a listing or a seller. It names the seller, the listing, or both: a complaint
 * about a listing counts for that listing even when it arrives before the listing does, and counts
 * for the seller when the seller is named. The Kafka key is {@link #key()}.
 *
 * @param listingId the listing complained about, or null for a complaint about the seller only
 * @param sellerId the seller complained about, or null when only the listing is known
 * @param brandId the brand a rights holder's notice is about, or null
 * @param receivedAt when the source received the complaint; the 30-day windows count from it
 * @param evidenceUrls links a rights holder gives as evidence
 */
public record Complaint(
    String platform,
    String complaintId,
    ComplaintSource source,
    String listingId,
    String sellerId,
    String brandId,
    String text,
    List<String> evidenceUrls,
    Instant receivedAt) {

  public Complaint {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(complaintId, "complaintId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (platform.isBlank() || complaintId.isBlank()) {
      throw new IllegalArgumentException("platform and complaintId must not be blank");
    }
    listingId = blankToNull(listingId);
    sellerId = blankToNull(sellerId);
    if (listingId == null && sellerId == null) {
      throw new IllegalArgumentException("a complaint must name a listingId, a sellerId or both");
    }
    text = text == null ? "" : text;
    evidenceUrls = evidenceUrls == null ? List.of() : List.copyOf(evidenceUrls);
  }

  /** The record key on the {@code complaints} topic: {@code platform:complaintId}. */
  public String key() {
    return platform + ":" + complaintId;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
