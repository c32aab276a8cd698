package org.iprradar.common.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Account;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.AuditRecord;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Partner;
import org.iprradar.common.model.RoutingChange;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.common.model.TriageAction;

/** The topic catalogue: every topic the pipeline reads or writes, with its serdes. */
public final class Topics {

  /** Listings from partners, keyed {@code platform:listingId}. */
  public static final Topic<String, Listing> LISTINGS =
      new Topic<>("listings", Serdes.String(), new JsonSerde<>(Listing.class), Map.of());

  /** Exactly one assessment per listing version, keyed like the listing. */
  public static final Topic<String, Assessment> ASSESSMENTS =
      new Topic<>("assessments", Serdes.String(), new JsonSerde<>(Assessment.class), Map.of());

  /**
   * Complaints about listings and sellers, keyed {@code platform:complaintId} so that a complaint
   * sent twice is one complaint. Kept for 90 days: detect counts them over 30-day windows, and a
   * restarted detect rebuilds its counts from this topic.
   */
  public static final Topic<String, Complaint> COMPLAINTS =
      new Topic<>(
          "complaints",
          Serdes.String(),
          new JsonSerde<>(Complaint.class),
          Map.of("retention.ms", String.valueOf(90L * 24 * 60 * 60 * 1000)));

  /** Assessments above the threshold, keyed {@code platform:sellerId:TYPE}. */
  public static final Topic<String, Lead> LEADS =
      new Topic<>("leads", Serdes.String(), new JsonSerde<>(Lead.class), Map.of());

  /**
   * Analysts' actions on alerts, keyed by alert id so that an alert's actions and leads share a
   * partition; the alert's status and history are derived from them. Kept forever: they are the
   * analysts' audit trail.
   */
  public static final Topic<String, TriageAction> TRIAGE_ACTIONS =
      new Topic<>(
          "triage-actions",
          Serdes.String(),
          new JsonSerde<>(TriageAction.class),
          Map.of("retention.ms", "-1"));

  /**
   * Operator rules, keyed by rule id; a null value (tombstone) deletes the rule. Compacted: the
   * topic is the rule book itself, and detect reads it from the beginning at every start.
   */
  public static final Topic<String, Rule> RULES =
      new Topic<>("rules", Serdes.String(), new JsonSerde<>(Rule.class), compactedConfig());

  /** Protected brands, keyed by brand id; a tombstone deletes the brand. Compacted like rules. */
  public static final Topic<String, Brand> BRANDS =
      new Topic<>("brands", Serdes.String(), new JsonSerde<>(Brand.class), compactedConfig());

  /**
   * Scoring weights and thresholds that override detect's start-up configuration, keyed {@link
   * ScoringOverride#ALL_CATEGORIES} or by listing category; a tombstone removes the override.
   * Compacted like rules: detect reads it from the beginning at every start.
   */
  public static final Topic<String, ScoringOverride> SCORING_SETTINGS =
      new Topic<>(
          "scoring-settings",
          Serdes.String(),
          new JsonSerde<>(ScoringOverride.class),
          compactedConfig());

  /**
   * What is known about each seller, keyed {@code platform:sellerId}; a tombstone deletes the
   * record. Compacted: detect keeps the latest record of every seller to score its listings with.
   */
  public static final Topic<String, SellerRecord> SELLER_RECORDS =
      new Topic<>(
          "seller-records",
          Serdes.String(),
          new JsonSerde<>(SellerRecord.class),
          compactedConfig());

  /**
   * Versions of the alerts' routing configuration (bureau directory, routing table, escalation
   * thresholds), all under the key {@link RoutingChange#KEY}; the latest valid one is in force.
   * Neither compacted nor expired: changes are a handful of small records a year, and the topic is
   * also their history, who changed what and why.
   */
  public static final Topic<String, RoutingChange> ROUTING =
      new Topic<>(
          "routing",
          Serdes.String(),
          new JsonSerde<>(RoutingChange.class),
          Map.of("retention.ms", "-1"));

  /**
   * Records that could not be processed, with their original bytes and the reason in headers
   * ({@link DeadLetters}). Kept for a month so that an operator can inspect and replay them.
   */
  public static final Topic<byte[], byte[]> DEAD_LETTERS =
      new Topic<>(
          "dead-letters",
          Serdes.ByteArray(),
          Serdes.ByteArray(),
          Map.of("retention.ms", String.valueOf(30L * 24 * 60 * 60 * 1000)));

  /**
   * Every new version of an alert, keyed by alert id, for webhook delivery outside the stream
   * thread. Kept for a week: long enough to redeliver after an outage of the delivery consumer.
   */
  public static final Topic<String, Alert> ALERT_DELIVERIES =
      new Topic<>(
          "alert-deliveries",
          Serdes.String(),
          new JsonSerde<>(Alert.class),
          Map.of("retention.ms", String.valueOf(7L * 24 * 60 * 60 * 1000)));

  /**
   * The outcome of every webhook attempt, keyed by alert id like leads and triage actions (same
   * partition count, so one alerts task folds all three) and folded into the alert, so that its
   * delivery state survives restarts and reads the same on every instance. Kept for 90 days: the
   * store's changelog holds the folded state; the topic only has to outlive a rebuild.
   */
  public static final Topic<String, DeliveryOutcome> ALERT_DELIVERY_OUTCOMES =
      new Topic<>(
          "alert-delivery-outcomes",
          Serdes.String(),
          new JsonSerde<>(DeliveryOutcome.class),
          Map.of("retention.ms", String.valueOf(90L * 24 * 60 * 60 * 1000)));

  /** How long the audit is kept unless a deployment says otherwise: more than a year. */
  public static final java.time.Duration AUDIT_RETENTION = java.time.Duration.ofDays(400);

  /**
   * Every write attempted through the HTTP APIs ({@link AuditRecord}), keyed by who made it.
   * Append-only: deleted by age only (400 days by default, {@link #audit}), never compacted, so no
   * later record can replace an earlier one.
   */
  public static final Topic<String, AuditRecord> AUDIT = audit(AUDIT_RETENTION);

  /**
   * Platform partners and the hashes of their API keys, keyed by partner id. Compacted: the topic
   * is the partner directory itself, and every ingest instance reads it from the beginning.
   */
  public static final Topic<String, Partner> PARTNERS =
      new Topic<>("partners", Serdes.String(), new JsonSerde<>(Partner.class), compactedConfig());

  /**
   * People's accounts (name, roles, scope, password hash), keyed by account name. Compacted: the
   * topic is the account directory, which the alerts app reads from the beginning at every start.
   * Accounts are disabled rather than deleted, so no tombstones are written.
   */
  public static final Topic<String, Account> ACCOUNTS =
      new Topic<>("accounts", Serdes.String(), new JsonSerde<>(Account.class), compactedConfig());

  /**
   * Every operator change of a rule, brand or scoring settings, keyed {@code rule:<id>}, {@code
   * brand:<id>} or {@code scoring:<default or category>}, whichever API made it (detect's operator
   * API, ingest's rule and brand feeds). Append-only and kept forever: it is the record of who
   * changed what, which a compacted topic would lose.
   */
  public static final Topic<String, ConfigChange> RULE_CHANGES =
      new Topic<>(
          "rule-changes",
          Serdes.String(),
          new JsonSerde<>(ConfigChange.class),
          Map.of("retention.ms", "-1"));

  /** Every topic, in the order they are created. */
  public static final List<Topic<?, ?>> ALL =
      List.of(
          LISTINGS,
          COMPLAINTS,
          ASSESSMENTS,
          LEADS,
          TRIAGE_ACTIONS,
          RULES,
          BRANDS,
          SCORING_SETTINGS,
          SELLER_RECORDS,
          ROUTING,
          DEAD_LETTERS,
          ALERT_DELIVERIES,
          ALERT_DELIVERY_OUTCOMES,
          AUDIT,
          PARTNERS,
          ACCOUNTS,
          RULE_CHANGES);

  private Topics() {}

  /** The audit topic kept for {@code retention} (at least a day). */
  public static Topic<String, AuditRecord> audit(java.time.Duration retention) {
    if (retention.compareTo(java.time.Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("the audit must be kept at least a day, was " + retention);
    }
    return new Topic<>(
        "audit",
        Serdes.String(),
        new JsonSerde<>(AuditRecord.class),
        Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis())));
  }

  /**
   * Compaction keeps the latest value of every key. Tombstones are kept for ten years instead of
   * Kafka's one day because a tombstone also deletes a rule that came from the YAML files: were
   * compaction to drop it, the next start would bring the YAML rule back.
   */
  private static Map<String, String> compactedConfig() {
    return Map.of(
        "cleanup.policy",
        "compact",
        "delete.retention.ms",
        String.valueOf(10L * 365 * 24 * 60 * 60 * 1000));
  }
}
