package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.detect.match.MatchResult;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScorerSet;
import org.iprradar.detect.score.ScoringBook;

/**
 * What operators do to weights and thresholds: read the settings in force, save or delete an entry
 * of the {@code scoring-settings} topic with who changed it, and preview a change on the listings
 * detect assessed last. A saved entry reaches the scoring book through the rule feed like any other
 * record of the topic; a preview scores with a set of its own and writes nothing.
 */
public final class ScoringOperator {

  private static final int MAX_EXAMPLES = 50;
  private static final String NO_CATEGORY = "(none)";

  private final ScoringBook book;
  private final RuleBook rules;
  private final RecentListings recent;
  private final ScoringValidator validator;
  private final OperatorLog log;
  private final Clock clock;

  public ScoringOperator(
      ScoringBook book, RuleBook rules, RecentListings recent, OperatorLog log, Clock clock) {
    this.book = book;
    this.rules = rules;
    this.recent = recent;
    this.validator = new ScoringValidator(book);
    this.log = log;
    this.clock = clock;
  }

  public ScoringView view() {
    ScorerSet set = book.get();
    Map<String, ScoringOverride> entries = book.entries();
    var keys = new TreeSet<>(set.fallback().settings().categoryPoints().keySet());
    keys.addAll(entries.keySet());
    keys.remove(ScoringOverride.ALL_CATEGORIES);
    var categories = new ArrayList<CategorySettings>();
    for (String key : keys) {
      categories.add(
          new CategorySettings(key, entries.get(key), values(set.forCategory(key), key)));
    }
    return new ScoringView(
        set.version(),
        ScoringValidator.MAX,
        new CategorySettings(
            ScoringOverride.ALL_CATEGORIES,
            entries.get(ScoringOverride.ALL_CATEGORIES),
            values(set.fallback(), null)),
        categories);
  }

  /**
   * Replaces the entry of {@code key} with {@code draft}.
   *
   * @throws InvalidConfigException with every problem of the draft, each with its field
   */
  public ScoringOverride save(String key, JsonNode draft, String actor) {
    ScoringOverride before = book.entries().get(key);
    int version = nextVersion(key, before);
    ScoringOverride entry = validator.entry(key, draft, version);
    publish(key, version, before == null ? "CREATE" : "UPDATE", actor, before, entry);
    return entry;
  }

  /**
   * Removes the entry of {@code key}: its listings go back to the settings beneath.
   *
   * @return whether there was such an entry
   */
  public boolean delete(String key, String actor) {
    ScoringOverride before = book.entries().get(key);
    if (before == null) {
      return false;
    }
    publish(key, before.version(), "DELETE", actor, before, null);
    return true;
  }

  public List<ConfigChange> history(String key) {
    return log.history(ConfigChange.SCORING, key);
  }

  /**
   * Scores the listings twice, with the settings in force and with the change, and counts what
   * differs. Builds its own scorers: neither the scoring book nor any topic is touched.
   *
   * @throws InvalidConfigException when the change is invalid
   */
  public ScoringPreview preview(ScoringPreviewRequest request) {
    String key = request.key();
    String keyProblem = ScoringValidator.keyProblem(key);
    if (keyProblem != null) {
      throw new InvalidConfigException(List.of(Problem.of(String.valueOf(key), "key", keyProblem)));
    }
    boolean delete = Boolean.TRUE.equals(request.delete());
    if (delete == (request.settings() != null)) {
      throw new InvalidConfigException(
          List.of(Problem.of(key, "settings", "give the settings to try, or delete: true")));
    }
    ScoringOverride entry = delete ? null : validator.entry(key, request.settings(), 1);
    ScorerSet before = book.get();
    ScorerSet after = book.trial(key, entry);

    var problems = new ArrayList<String>();
    List<RecentListings.Seen> listings;
    String source;
    if (request.sample() != null && !request.sample().isBlank()) {
      listings = DryRun.parseSample(request.sample(), problems);
      source = "sample";
    } else {
      listings = recent.last(request.limit() == null ? recent.capacity() : request.limit());
      source = "recent";
    }
    int wanted =
        Math.min(request.examples() == null ? 10 : Math.max(request.examples(), 0), MAX_EXAMPLES);
    RuleSet live = rules.get();
    Instant now = clock.instant();
    int leadsBefore = 0;
    int leadsAfter = 0;
    var keysBefore = new TreeSet<String>();
    var keysAfter = new TreeSet<String>();
    var examples = new ArrayList<ScoringPreviewExample>();
    var byCategory = new TreeMap<String, int[]>();
    for (RecentListings.Seen seen : listings) {
      Listing listing = seen.listing();
      MatchResult match = live.matcher().match(listing);
      Scorer scorerBefore = before.forCategory(listing.category());
      Scorer scorerAfter = after.forCategory(listing.category());
      Assessment a = scorerBefore.assess(listing, match, live.brands(), seen.context(), now);
      Assessment b = scorerAfter.assess(listing, match, live.brands(), seen.context(), now);
      String keyBefore = Lead.key(listing.platform(), listing.sellerId(), a.infringementType());
      String keyAfter = Lead.key(listing.platform(), listing.sellerId(), b.infringementType());
      if (a.lead()) {
        leadsBefore++;
        keysBefore.add(keyBefore);
      }
      if (b.lead()) {
        leadsAfter++;
        keysAfter.add(keyAfter);
      }
      boolean moved = a.score() != b.score() || a.lead() != b.lead();
      int[] counts =
          byCategory.computeIfAbsent(
              listing.category() == null ? NO_CATEGORY : listing.category(), c -> new int[4]);
      counts[0]++;
      counts[1] += a.lead() ? 1 : 0;
      counts[2] += b.lead() ? 1 : 0;
      counts[3] += moved ? 1 : 0;
      if (moved) {
        examples.add(
            new ScoringPreviewExample(
                listing.key(),
                listing.category(),
                listing.title(),
                listing.shopName(),
                b.lead() || !a.lead() ? keyAfter : keyBefore,
                a.score(),
                b.score(),
                a.lead(),
                b.lead()));
      }
    }
    var newLeads = new TreeSet<>(keysAfter);
    newLeads.removeAll(keysBefore);
    var goneLeads = new TreeSet<>(keysBefore);
    goneLeads.removeAll(keysAfter);
    // A listing whose lead status flips is what the operator must look at first.
    examples.sort(
        Comparator.comparing((ScoringPreviewExample e) -> e.leadBefore() == e.leadAfter())
            .thenComparing(e -> -Math.abs(e.scoreAfter() - e.scoreBefore()))
            .thenComparing(ScoringPreviewExample::listingKey));
    var categories = new ArrayList<CategoryCount>();
    byCategory.forEach(
        (category, c) -> categories.add(new CategoryCount(category, c[0], c[1], c[2], c[3])));
    categories.sort(
        Comparator.comparingInt((CategoryCount c) -> -Math.abs(c.leadsAfter() - c.leadsBefore()))
            .thenComparingInt(c -> -c.changedScores())
            .thenComparing(CategoryCount::category));
    return new ScoringPreview(
        key,
        source,
        listings.size(),
        leadsBefore,
        leadsAfter,
        List.copyOf(newLeads),
        List.copyOf(goneLeads),
        List.copyOf(examples.subList(0, Math.min(wanted, examples.size()))),
        categories,
        problems);
  }

  /**
   * Every setting as it applies to the scorer's listings, by the field names of {@link
   * ScoringOverride}.
   *
   * @param category the category whose points to show, or null for the settings for all
   */
  static Map<String, Double> values(Scorer scorer, String category) {
    var s = scorer.settings();
    var h = scorer.sellerWeights();
    var c = scorer.contextWeights();
    var values = new LinkedHashMap<String, Double>();
    values.put("leadThreshold", s.leadThreshold());
    values.put("brandMentionWeight", s.brandMentionWeight());
    values.put("priceBelowBandWeight", s.priceBelowBandWeight());
    values.put("priceBandRatio", s.priceBandRatio());
    values.put("priceWithinBandWeight", s.priceWithinBandWeight());
    if (category != null) {
      values.put("categoryPoints", s.categoryPoints().getOrDefault(category, 0.0));
    }
    values.put("crossBorderWeight", s.crossBorderWeight());
    values.put("implausibleNutrientWeight", s.implausibleNutrientWeight());
    values.put("maxPlausibleNutrientPercent", s.maxPlausibleNutrientPercent());
    values.put("sellerBlacklistedWeight", h.blacklistedWeight());
    values.put("sellerPenaltyWeight", h.penaltyWeight());
    values.put("sellerPenaltyCap", h.penaltyCap());
    values.put("sellerConfirmedAlertWeight", h.confirmedAlertWeight());
    values.put("sellerConfirmedAlertCap", h.confirmedAlertCap());
    values.put("sellerHistoryCap", h.signalCap());
    values.put("networkShare", c.networkShare());
    values.put("networkCap", c.networkCap());
    values.put("listingComplaintWeight", c.listingComplaintWeight());
    values.put("listingComplaintCap", c.listingComplaintCap());
    values.put("sellerComplaintWeight", c.sellerComplaintWeight());
    values.put("sellerComplaintCap", c.sellerComplaintCap());
    values.put("surgeWeight", c.surgeWeight());
    return values;
  }

  /** One more than the entry in force and any version in the history, as for rules. */
  private int nextVersion(String key, ScoringOverride current) {
    int last = current == null ? 0 : current.version();
    ScoringOverride inForce = book.entries().get(key);
    if (inForce != null) {
      last = Math.max(last, inForce.version());
    }
    for (ConfigChange change : log.history(ConfigChange.SCORING, key)) {
      last = Math.max(last, change.version());
    }
    return last + 1;
  }

  private void publish(
      String key,
      int version,
      String action,
      String actor,
      ScoringOverride before,
      ScoringOverride after) {
    JsonNode beforeNode = before == null ? null : Json.mapper().valueToTree(before);
    JsonNode afterNode = after == null ? null : Json.mapper().valueToTree(after);
    log.publish(
        new ConfigChange(
            ConfigChange.SCORING,
            key,
            version,
            action,
            actor,
            clock.instant(),
            beforeNode,
            afterNode,
            OperatorService.changedFields(beforeNode, afterNode)),
        after);
  }
}
