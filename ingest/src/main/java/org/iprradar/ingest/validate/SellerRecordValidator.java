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
 *
 * <p>Identity details come either raw ({@code phone}, {@code idNumber}, {@code address}, {@code
 * paymentAccount}), which ingest hashes with the deployment's identity key ({@link
 * IdentityHasher}), or already hashed in {@code identityHashes}, which must then have been made
 * with the same key and normalisation to link with the others.
 */
public final class SellerRecordValidator implements RecordValidator<SellerRecord> {

  public static final String PLATFORM = "platform";
  public static final String SELLER_ID = "sellerId";

  private final Clock clock;
  private final IdentityHasher hasher;

  public SellerRecordValidator(Clock clock) {
    this(clock, new IdentityHasher(null));
  }

  public SellerRecordValidator(Clock clock, IdentityHasher hasher) {
    this.clock = clock;
    this.hasher = hasher;
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
    rawIdentities(record, fields, hashes);
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

  /**
   * Hashes the raw identity fields ({@code phone}, {@code idNumber}, {@code address}, {@code
   * paymentAccount}: a string or an array of strings) into {@code hashes}, then removes them from
   * the parsed record, so that the raw values reach neither Kafka (not even in the header that
   * keeps a normalised record's original) nor an error message.
   */
  private void rawIdentities(RawRecord record, Fields fields, List<String> hashes) {
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) record.json();
    for (IdentityHasher.Kind kind : IdentityHasher.Kind.values()) {
      JsonNode node = json.remove(kind.field);
      if (node == null || node.isNull()) {
        continue;
      }
      var values = new ArrayList<JsonNode>();
      if (node.isArray() && node.size() <= 20) {
        node.forEach(values::add);
      } else if (node.isArray()) {
        fields.error(kind.field, "may hold at most 20 values, had " + node.size());
        continue;
      } else {
        values.add(node);
      }
      for (int i = 0; i < values.size(); i++) {
        String field = node.isArray() ? kind.field + "[" + i + "]" : kind.field;
        JsonNode value = values.get(i);
        // The reasons never quote the value: it is personal data.
        if (!value.isTextual() || value.asText().length() > 500) {
          fields.error(field, "must be a string of at most 500 characters");
          continue;
        }
        String normalised = IdentityHasher.normalise(kind, value.asText());
        if (normalised == null) {
          fields.error(field, "is not a valid " + kind.field + " (the value is not repeated here)");
        } else if (!hasher.configured()) {
          fields.error(
              field,
              "cannot be taken: this ingest has no identity key (IPR_IDENTITY_KEY) to hash it with;"
                  + " send identityHashes instead");
        } else {
          String hash = hasher.hash(kind, normalised);
          if (!hashes.contains(hash)) {
            hashes.add(hash);
          }
        }
      }
    }
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
