package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is known about a seller from outside its listings: prior administrative penalties, the
 * credit blacklist (红黑名单) and alerts earlier confirmed as infringing. The Kafka key is {@link
 * #key()}, the same seller key as a lead's.
 *
 * <p>No raw phone or ID numbers: a seller's identity and contact details are kept only as hashes
 * (64 hex digits, SHA-256), enough to link sellers that share them, not to recover them.
 *
 * @param blacklistedSince when the seller was put on the blacklist; required when {@code
 *     blacklisted}
 * @param confirmedAlerts how many earlier alerts on this seller an officer confirmed
 * @param identityHashes hashes of identity and contact details, for linking sellers later
 * @param version the producer's version of this record; a lower one never replaces a higher one
 * @param region the seller's registered GB/T 2260 region code, or null when not known; names the
 *     regions a network of sellers spans
 */
public record SellerRecord(
    String platform,
    String sellerId,
    List<SellerPenalty> penalties,
    boolean blacklisted,
    LocalDate blacklistedSince,
    int confirmedAlerts,
    List<String> identityHashes,
    long version,
    Instant updatedAt,
    String region) {

  private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern REGION = Pattern.compile("[0-9]{6}");

  // The creator is named because the record has a second constructor.
  @JsonCreator
  public SellerRecord {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(sellerId, "sellerId");
    if (platform.isBlank() || sellerId.isBlank()) {
      throw new IllegalArgumentException("platform and sellerId must not be blank");
    }
    penalties = penalties == null ? List.of() : List.copyOf(penalties);
    if (blacklisted && blacklistedSince == null) {
      throw new IllegalArgumentException("blacklistedSince is required for a blacklisted seller");
    }
    if (!blacklisted) {
      blacklistedSince = null;
    }
    if (confirmedAlerts < 0) {
      throw new IllegalArgumentException(
          "confirmedAlerts must not be negative, was " + confirmedAlerts);
    }
    identityHashes = identityHashes == null ? List.of() : List.copyOf(identityHashes);
    region = region == null || region.isBlank() ? null : region.strip();
    if (region != null && !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "region must be a six-digit GB/T 2260 code, was " + region);
    }
    for (String hash : identityHashes) {
      // Refusing anything but a hash keeps a raw phone or ID number from being stored by mistake.
      if (!SHA_256.matcher(hash).matches()) {
        throw new IllegalArgumentException(
            "identityHashes must hold SHA-256 hashes as 64 lower-case hex digits");
      }
    }
  }

  /** A record without a region. */
  public SellerRecord(
      String platform,
      String sellerId,
      List<SellerPenalty> penalties,
      boolean blacklisted,
      LocalDate blacklistedSince,
      int confirmedAlerts,
      List<String> identityHashes,
      long version,
      Instant updatedAt) {
    this(
        platform,
        sellerId,
        penalties,
        blacklisted,
        blacklistedSince,
        confirmedAlerts,
        identityHashes,
        version,
        updatedAt,
        null);
  }

  /** The record key on the {@code seller-records} topic: {@code platform:sellerId}. */
  public String key() {
    return key(platform, sellerId);
  }

  public static String key(String platform, String sellerId) {
    return platform + ":" + sellerId;
  }
}
