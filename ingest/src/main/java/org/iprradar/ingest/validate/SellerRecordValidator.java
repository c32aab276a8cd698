package org.iprradar.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iprradar.common.model.SellerPenalty;
import org.iprradar.common.model.SellerRecord;

/**
 * Checks what is known about a seller: penalties, the blacklist, confirmed alerts and identity
 * hashes. The seller's key comes from the URL ({@code platform}, {@code sellerId}).
 */
public final class SellerRecordValidator implements RecordValidator<SellerRecord> {

  public static final String PLATFORM = "platform";
  public static final String SELLER_ID = "sellerId";

  private final Clock clock;

  public SellerRecordValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Verdict<SellerRecord> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<SellerRecord> notObject = RecordValidator.notAnObject(record, "seller record");
    if (notObject != null) {
      return notObject;
    }
    var fields = new Fields(record.json());
    String platform = RecordValidator.fromPath(fields, PLATFORM, pathParameters.get(PLATFORM));
    String sellerId = RecordValidator.fromPath(fields, SELLER_ID, pathParameters.get(SELLER_ID));
    var penalties = new ArrayList<SellerPenalty>();
    List<JsonNode> penaltyNodes = fields.objectList("penalties", 1_000);
    for (int i = 0; i < penaltyNodes.size(); i++) {
      penalties.add(penalty(fields, "penalties[" + i + "].", penaltyNodes.get(i)));
    }
    boolean blacklisted = Boolean.TRUE.equals(fields.bool("blacklisted"));
    LocalDate since = fields.date("blacklistedSince", false);
    if (blacklisted && since == null && record.json().path("blacklistedSince").isMissingNode()) {
      fields.error("blacklistedSince", "is required when blacklisted is true");
    }
    Long confirmed = fields.nonNegativeLong("confirmedAlerts");
    if (confirmed != null && confirmed > Integer.MAX_VALUE) {
      fields.error("confirmedAlerts", "is too large: " + confirmed);
    }
    var hashes = new ArrayList<String>();
    List<String> rawHashes = fields.stringList("identityHashes", 100, 72);
    for (int i = 0; i < rawHashes.size(); i++) {
      // Hex and kind case carry no meaning, so upper case is accepted and stored lower-case.
      String hash = rawHashes.get(i).toLowerCase(Locale.ROOT);
      if (!SellerRecord.isIdentityHash(hash)) {
        fields.error(
            "identityHashes[" + i + "]",
            "must be a SHA-256 hash (64 hex digits), optionally after phone:, id:, address: or"
                + " payment:, never a raw phone or ID number");
      } else {
        hashes.add(hash);
      }
    }
    String region = fields.text("region", false, 64);
    if (region != null && !SellerRecord.isRegionCode(region)) {
      fields.error("region", "must be a six-digit GB/T 2260 region code, was '" + region + "'");
    }
    Long version = fields.nonNegativeLong("version");
    Instant updatedAt = fields.instant("updatedAt", false);
    if (!fields.errors().isEmpty() || penalties.contains(null)) {
      return Verdict.rejected(record, fields.errors());
    }
    var seller =
        new SellerRecord(
            platform,
            sellerId,
            penalties,
            blacklisted,
            since,
            confirmed == null ? 0 : confirmed.intValue(),
            hashes,
            version == null ? 0 : version,
            updatedAt == null ? clock.instant() : updatedAt,
            region);
    return Verdict.accepted(record, seller.key(), seller, fields.normalised());
  }

  private static SellerPenalty penalty(Fields outer, String prefix, JsonNode json) {
    var fields = new Fields(json);
    String decisionNo = fields.text("decisionNo", true, 200);
    LocalDate date = fields.date("date", true);
    String reason = fields.text("reason", false, 2_000);
    BigDecimal amount = fields.nonNegativeDecimal("amount", false);
    fields.errors().forEach(e -> outer.error(prefix + e.field(), e.reason()));
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new SellerPenalty(decisionNo, date, reason, amount);
  }
}
