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
    Map<String, InfringementType> brandTypeByCategory) {

  /** Units of what one retail unit holds: 200粒 is one bottle of pills, not 200 bottles. */
  private static final Set<String> CONTENT_UNITS =
      Set.of("粒", "丸", "片", "克", "斤", "公斤", "毫升", "升", "g", "kg", "mg", "ml", "l");

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
              "books", InfringementType.PIRACY_COPYRIGHT));

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
        brandTypeByCategory);
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
        brandTypeByCategory);
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
