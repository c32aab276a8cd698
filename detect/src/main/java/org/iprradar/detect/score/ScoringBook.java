package org.iprradar.detect.score;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.iprradar.common.model.ScoringOverride;

/**
 * The scoring settings in force, changed at run time by {@link ScoringOverride} entries: one for
 * all categories ({@link ScoringOverride#ALL_CATEGORIES}) and one per category, each laid over the
 * start-up settings (category over all over start-up). Like the rule book, writers stage entries
 * and {@link #publish()} them as a new {@link ScorerSet}, swapped in atomically; a refused entry
 * leaves the entry in force under its key unchanged.
 */
public final class ScoringBook implements Supplier<ScorerSet> {

  /** Listing categories as partners send them: food, luxury_bags, agri_seeds. */
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9_]+");

  private final ScoringSettings base;
  private final SellerHistoryWeights sellerWeights;
  private final SellerContextWeights contextWeights;
  private final Object lock = new Object();
  private final Map<String, ScoringOverride> entries = new TreeMap<>();
  private final AtomicReference<ScorerSet> current;

  /**
   * @param base the start-up settings, from configuration, that entries override
   */
  public ScoringBook(ScoringSettings base, SellerHistoryWeights sellerWeights) {
    this(base, sellerWeights, SellerContextWeights.DEFAULTS);
  }

  /**
   * @param base the start-up settings, from configuration, that entries override
   * @param contextWeights the network and complaint weights from configuration, which entries
   *     override too (all but what counts as a complaint surge)
   */
  public ScoringBook(
      ScoringSettings base,
      SellerHistoryWeights sellerWeights,
      SellerContextWeights contextWeights) {
    this.base = base;
    this.sellerWeights = sellerWeights;
    this.contextWeights = contextWeights;
    this.current = new AtomicReference<>(build(Map.of()));
  }

  /** The set in force now. Lock-free. */
  @Override
  public ScorerSet get() {
    return current.get();
  }

  /**
   * Stages an entry for {@code key}.
   *
   * @return why the entry was refused, or empty when it was staged
   */
  public Optional<String> put(String key, ScoringOverride entry) {
    boolean all = ScoringOverride.ALL_CATEGORIES.equals(key);
    if (!all && !CATEGORY.matcher(key).matches()) {
      return Optional.of(
          "key "
              + key
              + " is neither "
              + ScoringOverride.ALL_CATEGORIES
              + " nor a listing category (lower-case letters, digits and _)");
    }
    if (all && entry.categoryPoints() != null) {
      return Optional.of(
          "categoryPoints is set per category: put it in the entry of the category, not in "
              + ScoringOverride.ALL_CATEGORIES);
    }
    try {
      // Fields are checked one by one, so an entry valid over the start-up settings is valid over
      // any other entry too.
      overlay(base, entry, key);
      overlay(sellerWeights, entry);
      overlay(contextWeights, entry);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    synchronized (lock) {
      entries.put(key, entry);
    }
    return Optional.empty();
  }

  /**
   * Why {@code entry} would be refused under {@code key}, without staging it.
   *
   * @return the reason, or empty when {@link #put} would take it
   */
  public Optional<String> check(String key, ScoringOverride entry) {
    return new ScoringBook(base, sellerWeights, contextWeights).put(key, entry);
  }

  /**
   * The set the entries in force would make with {@code entry} under {@code key} (null: with the
   * entry of {@code key} removed). Nothing is staged or published: what a preview scores with.
   *
   * @throws IllegalArgumentException when the entry would be refused
   */
  public ScorerSet trial(String key, ScoringOverride entry) {
    var trial = new HashMap<>(entries());
    if (entry == null) {
      trial.remove(key);
    } else {
      check(key, entry)
          .ifPresent(
              reason -> {
                throw new IllegalArgumentException(reason);
              });
      trial.put(key, entry);
    }
    return build(Map.copyOf(trial));
  }

  public void remove(String key) {
    synchronized (lock) {
      entries.remove(key);
    }
  }

  /** Builds a set from the entries staged so far and puts it in force. */
  public ScorerSet publish() {
    synchronized (lock) {
      ScorerSet set = build(Map.copyOf(entries));
      current.set(set);
      return set;
    }
  }

  /** The entries staged, by key. */
  public Map<String, ScoringOverride> entries() {
    synchronized (lock) {
      return Map.copyOf(entries);
    }
  }

  private ScorerSet build(Map<String, ScoringOverride> staged) {
    ScoringOverride forAll = staged.get(ScoringOverride.ALL_CATEGORIES);
    ScoringSettings common = forAll == null ? base : overlay(base, forAll, null);
    SellerHistoryWeights commonSeller =
        forAll == null ? sellerWeights : overlay(sellerWeights, forAll);
    SellerContextWeights commonContext =
        forAll == null ? contextWeights : overlay(contextWeights, forAll);
    var byCategory = new HashMap<String, Scorer>();
    staged.forEach(
        (key, entry) -> {
          if (!key.equals(ScoringOverride.ALL_CATEGORIES)) {
            byCategory.put(
                key,
                new Scorer(
                    overlay(common, entry, key),
                    overlay(commonSeller, entry),
                    overlay(commonContext, entry)));
          }
        });
    String version =
        ContentDigest.start()
            .add("settings", base)
            .add("seller", sellerWeights)
            .add("context", contextWeights)
            .addAll(staged)
            .finish();
    return new ScorerSet(version, new Scorer(common, commonSeller, commonContext), byCategory);
  }

  /**
   * {@code settings} with the fields {@code entry} sets.
   *
   * @param category the category the entry is for, or null for all; its category points go there
   * @throws IllegalArgumentException naming the field whose value the settings refuse
   */
  static ScoringSettings overlay(ScoringSettings settings, ScoringOverride entry, String category) {
    var categoryPoints = settings.categoryPoints();
    if (category != null
        && !category.equals(ScoringOverride.ALL_CATEGORIES)
        && entry.categoryPoints() != null) {
      var points = new HashMap<>(categoryPoints);
      points.put(category, entry.categoryPoints());
      categoryPoints = points;
    }
    return new ScoringSettings(
        or(entry.brandMentionWeight(), settings.brandMentionWeight()),
        or(entry.priceBelowBandWeight(), settings.priceBelowBandWeight()),
        or(entry.priceBandRatio(), settings.priceBandRatio()),
        or(entry.priceWithinBandWeight(), settings.priceWithinBandWeight()),
        or(entry.leadThreshold(), settings.leadThreshold()),
        settings.compatibilityMarkers(),
        settings.officialShopMarkers(),
        settings.retailUnits(),
        or(entry.implausibleNutrientWeight(), settings.implausibleNutrientWeight()),
        or(entry.maxPlausibleNutrientPercent(), settings.maxPlausibleNutrientPercent()),
        settings.brandTypeByCategory(),
        categoryPoints,
        settings.seasonalWindows(),
        or(entry.crossBorderWeight(), settings.crossBorderWeight()));
  }

  /** {@code weights} with the seller-history points {@code entry} sets. */
  static SellerHistoryWeights overlay(SellerHistoryWeights weights, ScoringOverride entry) {
    return weights.withPoints(
        or(entry.sellerBlacklistedWeight(), weights.blacklistedWeight()),
        or(entry.sellerPenaltyWeight(), weights.penaltyWeight()),
        or(entry.sellerPenaltyCap(), weights.penaltyCap()),
        or(entry.sellerConfirmedAlertWeight(), weights.confirmedAlertWeight()),
        or(entry.sellerConfirmedAlertCap(), weights.confirmedAlertCap()),
        or(entry.sellerHistoryCap(), weights.signalCap()));
  }

  /** {@code weights} with the network and complaint points {@code entry} sets. */
  static SellerContextWeights overlay(SellerContextWeights weights, ScoringOverride entry) {
    return weights.withPoints(
        or(entry.networkShare(), weights.networkShare()),
        or(entry.networkCap(), weights.networkCap()),
        or(entry.listingComplaintWeight(), weights.listingComplaintWeight()),
        or(entry.listingComplaintCap(), weights.listingComplaintCap()),
        or(entry.sellerComplaintWeight(), weights.sellerComplaintWeight()),
        or(entry.sellerComplaintCap(), weights.sellerComplaintCap()),
        or(entry.surgeWeight(), weights.surgeWeight()));
  }

  private static double or(Double value, double otherwise) {
    return value != null ? value : otherwise;
  }
}
