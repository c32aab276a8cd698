package org.iprradar.detect.rules;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.LogKeys;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.detect.score.ScoringBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Applies records of the {@code rules} and {@code brands} topics to a {@link RuleBook}, and of the
 * {@code scoring-settings} topic to a {@link ScoringBook}, one poll batch at a time, and publishes
 * each book once at the end of a batch that changed it: a bulk load costs one rebuild per batch,
 * not one per rule. A record that cannot be applied is rejected with its reason and never stops the
 * others. No Kafka client and no thread, so that the handling of every kind of record is tested
 * without a broker; not thread-safe, the feed's thread owns it.
 *
 * <p>The key is the rule or brand id and must equal the id in the value; a null value (tombstone)
 * deletes. The topic's latest record for an id wins, also over a rule of the same id from the YAML
 * files, whatever the versions say: the version is what signals report, not an ordering.
 */
final class FeedApplier {

  private static final Logger LOG = LoggerFactory.getLogger(FeedApplier.class);

  /** The fields of a scoring-settings entry; any other is a typo that would silently do nothing. */
  private static final Set<String> SETTINGS_FIELDS =
      Arrays.stream(ScoringOverride.class.getRecordComponents())
          .map(RecordComponent::getName)
          .collect(Collectors.toUnmodifiableSet());

  private final RuleBook book;
  private final ScoringBook scoring;

  FeedApplier(RuleBook book) {
    this(book, null);
  }

  /**
   * @param scoring the book of scoring settings, or null when the feed does not read them
   */
  FeedApplier(RuleBook book, ScoringBook scoring) {
    this.book = book;
    this.scoring = scoring;
  }

  /** Applies {@code records} in order and publishes the result if anything changed. */
  FeedBatch apply(Iterable<ConsumerRecord<byte[], byte[]>> records) {
    var counts = new Counts();
    var rejections = new ArrayList<Rejection>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      counts.records++;
      String ruleId = Topics.RULES.name().equals(record.topic()) ? key(record) : null;
      if (ruleId != null) {
        MDC.put(LogKeys.RULE_ID, ruleId);
      }
      try {
        String reason;
        try {
          reason = applyOne(record, counts);
        } catch (RuntimeException e) {
          // An unexpected failure (say, of the brand compiler) refuses this record only.
          LOG.error(
              "Rule feed failed on {}:{}@{}",
              record.topic(),
              record.partition(),
              record.offset(),
              e);
          reason = "cannot apply: " + e;
        }
        if (reason != null) {
          var rejection = new Rejection(record, reason);
          LOG.warn(
              "Rule feed rejected the record at {}: {}", rejection.where(), rejection.reason());
          rejections.add(rejection);
        }
      } finally {
        MDC.remove(LogKeys.RULE_ID);
      }
    }
    long published = counts.changes() > 0 ? book.publish().version() : 0;
    String settingsVersion = null;
    if (counts.settingsPut + counts.settingsRemoved > 0) {
      settingsVersion = scoring.publish().version();
      LOG.info(
          "Scoring settings version {} in force: {}",
          settingsVersion,
          scoring.entries().entrySet().stream()
              .map(e -> e.getKey() + " v" + e.getValue().version())
              .sorted()
              .collect(Collectors.joining(", ", "[", "]")));
    }
    return new FeedBatch(
        counts.records,
        counts.rulesPut,
        counts.rulesRemoved,
        counts.brandsPut,
        counts.brandsRemoved,
        counts.settingsPut,
        counts.settingsRemoved,
        rejections,
        published,
        settingsVersion);
  }

  /**
   * @return why the record was rejected, or null when it was applied
   */
  private String applyOne(ConsumerRecord<byte[], byte[]> record, Counts counts) {
    String topic = record.topic();
    if (topic.equals(Topics.RULES.name())) {
      return applyRule(record, counts);
    }
    if (topic.equals(Topics.BRANDS.name())) {
      return applyBrand(record, counts);
    }
    if (topic.equals(Topics.SCORING_SETTINGS.name()) && scoring != null) {
      return applySettings(record, counts);
    }
    return "the rule feed does not read topic " + topic;
  }

  private String applySettings(ConsumerRecord<byte[], byte[]> record, Counts counts) {
    String key = key(record);
    if (key == null) {
      return "a scoring-settings record needs "
          + ScoringOverride.ALL_CATEGORIES
          + " or a listing category as its key";
    }
    if (record.value() == null) {
      scoring.remove(key);
      counts.settingsRemoved++;
      LOG.debug("Scoring settings of {} deleted by a tombstone", key);
      return null;
    }
    ScoringOverride entry;
    try {
      entry =
          Topics.SCORING_SETTINGS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      return "scoring settings " + key + ": " + e.getMessage() + field(e);
    }
    if (entry == null) {
      return "scoring settings " + key + ": the value is JSON null; a tombstone removes an entry";
    }
    String unknown = unknownFields(record.value());
    if (!unknown.isEmpty()) {
      return "scoring settings "
          + key
          + " version "
          + entry.version()
          + ": unknown field "
          + unknown
          + " (known: "
          + SETTINGS_FIELDS.stream().sorted().collect(Collectors.joining(", "))
          + ")";
    }
    var refused = scoring.put(key, entry);
    if (refused.isPresent()) {
      return "scoring settings "
          + key
          + " version "
          + entry.version()
          + ": "
          + refused.get()
          + " (the settings in force stay)";
    }
    counts.settingsPut++;
    LOG.debug("Scoring settings of {} version {} staged", key, entry.version());
    return null;
  }

  /** " (field leadThreshold)" when Jackson knows which field it could not read, else "". */
  private static String field(SerializationException e) {
    if (e.getCause() instanceof JsonMappingException mapping) {
      String path =
          mapping.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(name -> name != null)
              .collect(Collectors.joining("."));
      return path.isEmpty() ? "" : " (field " + path + ")";
    }
    return "";
  }

  /** The fields of a settings entry that are not fields of one, comma-separated. */
  private static String unknownFields(byte[] json) {
    try {
      var unknown = new ArrayList<String>();
      for (Iterator<String> names = Json.mapper().readTree(json).fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!SETTINGS_FIELDS.contains(name)) {
          unknown.add(name);
        }
      }
      return String.join(", ", unknown);
    } catch (IOException e) {
      // Unreachable: the same bytes were just read as an entry.
      return "";
    }
  }

  private String applyRule(ConsumerRecord<byte[], byte[]> record, Counts counts) {
    String id = key(record);
    if (id == null) {
      return "a rules record needs the rule id as its key";
    }
    if (record.value() == null) {
      book.removeRule(id);
      counts.rulesRemoved++;
      LOG.debug("Rule {} deleted by a tombstone", id);
      return null;
    }
    Rule rule;
    try {
      rule = Topics.RULES.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      return "rule " + id + ": " + e.getMessage();
    }
    if (!rule.id().equals(id)) {
      return "key " + id + " does not match the rule id " + rule.id();
    }
    // A missing boolean reads as false: without this check a rule that leaves out "enabled"
    // would silently switch itself off.
    if (!isBoolean(record.value(), "enabled")) {
      return "rule " + id + ": enabled must be given as true or false";
    }
    var refused = book.putRule(rule);
    if (refused.isPresent()) {
      return refused.get() + " (the rule in force under this id, if any, stays)";
    }
    if (rule.enabled()) {
      counts.rulesPut++;
      LOG.debug("Rule {} version {} staged", id, rule.version());
    } else {
      counts.rulesRemoved++;
      LOG.debug("Rule {} version {} disabled", id, rule.version());
    }
    return null;
  }

  private String applyBrand(ConsumerRecord<byte[], byte[]> record, Counts counts) {
    String id = key(record);
    if (id == null) {
      return "a brands record needs the brand id as its key";
    }
    if (record.value() == null) {
      book.removeBrand(id);
      counts.brandsRemoved++;
      LOG.debug("Brand {} deleted by a tombstone", id);
      return null;
    }
    Brand brand;
    try {
      brand = Topics.BRANDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (SerializationException e) {
      return "brand " + id + ": " + e.getMessage();
    }
    if (!brand.brandId().equals(id)) {
      return "key " + id + " does not match the brand id " + brand.brandId();
    }
    book.putBrand(brand);
    counts.brandsPut++;
    LOG.debug("Brand {} version {} staged", id, brand.version());
    return null;
  }

  /** The key as text, or null when there is none to speak of. */
  private static String key(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return null;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    return key.isBlank() ? null : key;
  }

  private static boolean isBoolean(byte[] json, String field) {
    try {
      JsonNode node = Json.mapper().readTree(json).get(field);
      return node != null && node.isBoolean();
    } catch (IOException e) {
      // Unreachable: the same bytes were just read as a rule.
      return false;
    }
  }

  /** Running totals of one batch. */
  private static final class Counts {
    int records;
    int rulesPut;
    int rulesRemoved;
    int brandsPut;
    int brandsRemoved;
    int settingsPut;
    int settingsRemoved;

    /** Changes of the rule book. */
    int changes() {
      return rulesPut + rulesRemoved + brandsPut + brandsRemoved;
    }
  }
}
