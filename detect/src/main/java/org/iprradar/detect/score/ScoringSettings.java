package org.iprradar.detect.score;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iprradar.common.model.InfringementType;

/**
 * The weights and thresholds of scoring; configuration, not code.
 *
 * @param brandMentionWeight points for naming a protected brand outside its official shops
 * @param priceBelowBandWeight points for a brand's listing priced far below its reference band
 * @param priceBandRatio how far below: a (unit) price under {@code referencePriceMin × ratio}
 *     counts
 * @param priceWithinBandWeight points taken off when a named brand's (unit) price lies within its
 *     reference band, as a genuine product's would; never more than the other signals add
 * @param leadThreshold an assessment at or above this score becomes a lead
 * @param compatibilityMarkers words that, right before a brand name, mean a compatible accessory
 *     (适用于苹果) rather than a claim to be the brand
 * @param officialShopMarkers words that, in a shop name together with one of the brand's names,
 *     make the shop the brand's own (罗莱家纺抖音官方旗舰店) even when the registry does not list it
 * @param retailUnits words that count retail units in a title (10支, 6瓶, 5袋装), so that a bulk price
 *     is compared per unit; contents of one unit (粒 丸 片 g ml kg 斤) must not be among them
 * @param implausibleNutrientWeight points for a fertiliser claiming more nutrients than can exist
 * @param maxPlausibleNutrientPercent the highest total N+P₂O₅+K₂O, in percent, a compound
 *     fertiliser can carry; a claim above it is implausible
 * @param brandTypeByCategory the infringement a counterfeit of a brand amounts to, by the listing's
 *     category (else the brand's): a fake pesticide brand is a substandard agricultural input for
 *     the agriculture bureau, a fake drug brand a fake drug; categories not listed mean a
 *     counterfeit trademark
 * @param categoryPoints points for a listing in one of the plan's focus categories (food, drugs,
 *     agricultural inputs ...); only added when the listing shows another positive signal, since a
 *     food listing is not suspicious by itself
 * @param seasonalWindows stretches of the year in which counterfeits of some categories peak
 *     (spring ploughing, holidays), on the listing's day in Asia/Shanghai; also only with another
 *     positive signal. The holiday windows are fixed approximations of lunar dates: adjust yearly
 * @param crossBorderWeight points for a cross-border listing of a protected brand, marked for
 *     customs
 */
public record ScoringSettings(
    double brandMentionWeight,
    double priceBelowBandWeight,
    double priceBandRatio,
    double priceWithinBandWeight,
    double leadThreshold,
    List<String> compatibilityMarkers,
    List<String> officialShopMarkers,
    List<String> retailUnits,
    double implausibleNutrientWeight,
    double maxPlausibleNutrientPercent,
    Map<String, InfringementType> brandTypeByCategory,
    Map<String, Double> categoryPoints,
    List<SeasonalWindow> seasonalWindows,
    double crossBorderWeight) {

  /** Units of what one retail unit holds: 200粒 is one bottle of pills, not 200 bottles. */
  private static final Set<String> CONTENT_UNITS =
      Set.of("粒", "丸", "片", "克", "斤", "公斤", "毫升", "升", "g", "kg", "mg", "ml", "l");

  private static final Set<String> AGRI_INPUTS =
      Set.of("agri_seeds", "agri_fertilizer", "agri_pesticide");

  private static final Set<String> HOLIDAY_FOOD = Set.of("food", "liquor", "tea");

  public static final ScoringSettings DEFAULTS =
      new ScoringSettings(
          25,
          35,
          0.5,
          20,
          60,
          List.of("适用于", "适用", "兼容", "适配", "用于", "for", "fits"),
          List.of("官方", "旗舰", "自营"),
          List.of(
              "支", "袋", "瓶", "盒", "罐", "听", "包", "条", "双", "只", "个", "件", "套", "桶", "提", "本", "册",
              "台", "部"),
          60,
          70,
          Map.of(
              "drugs", InfringementType.COUNTERFEIT_DRUG_OR_FOOD,
              "medical_devices", InfringementType.COUNTERFEIT_DRUG_OR_FOOD,
              "agri_seeds", InfringementType.SUBSTANDARD_AGRI_INPUT,
              "agri_fertilizer", InfringementType.SUBSTANDARD_AGRI_INPUT,
              "agri_pesticide", InfringementType.SUBSTANDARD_AGRI_INPUT,
              "software", InfringementType.PIRACY_COPYRIGHT,
              "books", InfringementType.PIRACY_COPYRIGHT),
          Map.of(
              "food", 8.0,
              "drugs", 10.0,
              "medical_devices", 8.0,
              "cosmetics", 5.0,
              "baby_products", 8.0,
              "toys", 5.0,
              "auto_parts", 5.0,
              "agri_seeds", 8.0,
              "agri_fertilizer", 8.0,
              "agri_pesticide", 8.0),
          List.of(
              SeasonalWindow.of("spring ploughing (春耕)", AGRI_INPUTS, "03-01", "05-31", 8),
              SeasonalWindow.of("summer sowing (夏种)", AGRI_INPUTS, "06-01", "07-15", 8),
              // Spring Festival falls between 21 January and 20 February; Mid-Autumn between 7
              // September and 8 October. The windows cover the weeks before either in most years.
              SeasonalWindow.of("before Spring Festival (春节)", HOLIDAY_FOOD, "01-01", "02-15", 5),
              SeasonalWindow.of("before Mid-Autumn (中秋)", HOLIDAY_FOOD, "08-20", "10-05", 5)),
          10);

  public ScoringSettings {
    requireWithin("brandMentionWeight", brandMentionWeight, 0, 100);
    requireWithin("priceBelowBandWeight", priceBelowBandWeight, 0, 100);
    requireWithin("priceBandRatio", priceBandRatio, 0, 1);
    requireWithin("priceWithinBandWeight", priceWithinBandWeight, 0, 100);
    requireWithin("leadThreshold", leadThreshold, 0, 100);
    requireWithin("implausibleNutrientWeight", implausibleNutrientWeight, 0, 100);
    requireWithin("maxPlausibleNutrientPercent", maxPlausibleNutrientPercent, 0, 100);
    compatibilityMarkers = words("compatibilityMarkers", compatibilityMarkers);
    officialShopMarkers = words("officialShopMarkers", officialShopMarkers);
    retailUnits = words("retailUnits", retailUnits);
    for (String unit : retailUnits) {
      if (CONTENT_UNITS.contains(unit.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "retailUnits must not contain " + unit + ": it measures the contents of one unit");
      }
    }
    brandTypeByCategory = brandTypeByCategory == null ? Map.of() : Map.copyOf(brandTypeByCategory);
    if (brandTypeByCategory.containsValue(InfringementType.NONE)) {
      throw new IllegalArgumentException("brandTypeByCategory must not map a category to NONE");
    }
    categoryPoints = categoryPoints == null ? Map.of() : Map.copyOf(categoryPoints);
    categoryPoints.forEach(
        (category, points) ->
            requireWithin("categoryPoints." + category, Objects.requireNonNull(points), 0, 100));
    seasonalWindows = seasonalWindows == null ? List.of() : List.copyOf(seasonalWindows);
    requireWithin("crossBorderWeight", crossBorderWeight, 0, 100);
  }

  /** These settings with another lead threshold. */
  public ScoringSettings withLeadThreshold(double threshold) {
    return new ScoringSettings(
        brandMentionWeight,
        priceBelowBandWeight,
        priceBandRatio,
        priceWithinBandWeight,
        threshold,
        compatibilityMarkers,
        officialShopMarkers,
        retailUnits,
        implausibleNutrientWeight,
        maxPlausibleNutrientPercent,
        brandTypeByCategory,
        categoryPoints,
        seasonalWindows,
        crossBorderWeight);
  }

  /** These settings with other price weights and ratio. */
  public ScoringSettings withPrice(
      double belowBandWeight, double bandRatio, double withinBandWeight) {
    return new ScoringSettings(
        brandMentionWeight,
        belowBandWeight,
        bandRatio,
        withinBandWeight,
        leadThreshold,
        compatibilityMarkers,
        officialShopMarkers,
        retailUnits,
        implausibleNutrientWeight,
        maxPlausibleNutrientPercent,
        brandTypeByCategory,
        categoryPoints,
        seasonalWindows,
        crossBorderWeight);
  }

  /** These settings with other category, season and cross-border points. */
  public ScoringSettings withContext(
      Map<String, Double> categoryPoints,
      List<SeasonalWindow> seasonalWindows,
      double crossBorder) {
    return new ScoringSettings(
        brandMentionWeight,
        priceBelowBandWeight,
        priceBandRatio,
        priceWithinBandWeight,
        leadThreshold,
        compatibilityMarkers,
        officialShopMarkers,
        retailUnits,
        implausibleNutrientWeight,
        maxPlausibleNutrientPercent,
        brandTypeByCategory,
        categoryPoints,
        seasonalWindows,
        crossBorder);
  }

  private static void requireWithin(String name, double value, double min, double max) {
    if (value < min || value > max || Double.isNaN(value)) {
      throw new IllegalArgumentException(
          name + " must be within " + min + ".." + max + ", was " + value);
    }
  }

  /** A copy of a word list; a blank word would match everywhere, so it is refused. */
  private static List<String> words(String name, List<String> words) {
    if (words == null) {
      return List.of();
    }
    for (String word : words) {
      if (Objects.requireNonNull(word, name).isBlank()) {
        throw new IllegalArgumentException(name + " must not contain a blank word");
      }
    }
    return List.copyOf(words);
  }
}
