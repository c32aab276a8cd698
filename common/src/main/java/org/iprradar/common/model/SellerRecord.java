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
 * @param identityHashes hashes of identity and contact details, linking sellers that share one into
 *     a network; each may name its kind of detail as a prefix, {@code phone:}, {@code id:}, {@code
 *     address:} or {@code payment:}, so that a link can say what the sellers share
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

  private static final Pattern SHA_256 =
      Pattern.compile("(?:(?:phone|id|address|payment):)?[0-9a-f]{64}");
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
            "identityHashes must hold SHA-256 hashes as 64 lower-case hex digits, optionally"
                + " prefixed with phone:, id:, address: or payment:");
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

  /** The hashes without their kinds: what links two sellers, whether or not both named the kind. */
  public List<String> linkHashes() {
    return identityHashes.stream().map(SellerRecord::bareHash).toList();
  }

  /** An {@code identityHashes} entry without its kind prefix. */
  public static String bareHash(String entry) {
    return entry.substring(entry.indexOf(':') + 1);
  }

  /** The kind an {@code identityHashes} entry names (phone, id, address, payment), or null. */
  public static String kindOf(String entry) {
    int colon = entry.indexOf(':');
    return colon < 0 ? null : entry.substring(0, colon);
  }

  /**
   * Whether {@code entry} is an identity hash as a seller record holds it: 64 lower-case hex digits
   * (SHA-256), optionally after a kind ({@code phone:}, {@code id:}, {@code address:}, {@code
   * payment:}).
   */
  public static boolean isIdentityHash(String entry) {
    return entry != null && SHA_256.matcher(entry).matches();
  }

  /** Whether {@code region} is a six-digit GB/T 2260 code. */
  public static boolean isRegionCode(String region) {
    return region != null && REGION.matcher(region).matches();
  }

  /** The record key on the {@code seller-records} topic: {@code platform:sellerId}. */
  public String key() {
    return key(platform, sellerId);
  }

  public static String key(String platform, String sellerId) {
    return platform + ":" + sellerId;
  }
}
