package org.iprradar.detect.score;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Listing;

/**
 * Reads the nutrient content a fertiliser listing claims, as an N-P-K grade (15-15-15) or a stated
 * total (总养分45%). A text rule cannot add numbers, so the check is made here: the raw materials of a
 * compound fertiliser (urea, ammonium phosphates, potash) cannot carry much more than 60% of
 * N+P₂O₅+K₂O together, and a listing claiming 28-28-28 (84%) is lying about what is in the bag.
 */
final class NutrientClaims {

  /** Words that make a listing a fertiliser; 减肥 (slimming) must not, so no bare 肥. */
  private static final Pattern FERTILISER =
      Pattern.compile("化肥|复合肥|复混肥|掺混肥|控释肥|缓释肥|水溶肥|叶面肥|冲施肥|有机肥|肥料|底肥|追肥|磷肥|钾肥|氮肥");

  /** Three nutrient percentages: 15-15-15, 28:28:28. Dates have four-digit years and fail. */
  private static final Pattern GRADE =
      Pattern.compile(
          "(?<![\\d.])(\\d{1,2}(?:\\.\\d)?)\\s*[-—–:：]\\s*(\\d{1,2}(?:\\.\\d)?)\\s*[-—–:：]\\s*"
              + "(\\d{1,2}(?:\\.\\d)?)(?![\\d.])");

  /** A stated total: 总养分48%, 含量≥84%. */
  private static final Pattern TOTAL =
      Pattern.compile("(?:总养分|养分|总含量|含量)\\s*[≥>＞:：]?\\s*(\\d{1,3}(?:\\.\\d)?)\\s*[%％]");

  private NutrientClaims() {}

  /**
   * The highest total nutrient claim of a fertiliser listing, in title or description; empty when
   * the listing is not a fertiliser or claims none.
   */
  static Optional<Claim> highest(Listing listing) {
    if (!"agri_fertilizer".equals(listing.category())
        && !namesFertiliser(listing.title())
        && !namesFertiliser(listing.description())) {
      return Optional.empty();
    }
    Claim best = null;
    for (String field : new String[] {"title", "description"}) {
      String text = field.equals("title") ? listing.title() : listing.description();
      Matcher grade = GRADE.matcher(text);
      while (grade.find()) {
        double n = Double.parseDouble(grade.group(1));
        double p = Double.parseDouble(grade.group(2));
        double k = Double.parseDouble(grade.group(3));
        best = higher(best, new Claim(n + p + k, evidence(field, text, grade)));
      }
      Matcher total = TOTAL.matcher(text);
      while (total.find()) {
        best =
            higher(
                best, new Claim(Double.parseDouble(total.group(1)), evidence(field, text, total)));
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Every fertiliser word has 肥 in it, so text without one is skipped by a plain character search
   * instead of trying the alternation at every position (most listings are no fertiliser). The
   * words have no spaces, so title and description are searched apart as well as together.
   */
  private static boolean namesFertiliser(String text) {
    return text != null && text.indexOf('肥') >= 0 && FERTILISER.matcher(text).find();
  }

  private static Claim higher(Claim best, Claim candidate) {
    return best == null || candidate.percent() > best.percent() ? candidate : best;
  }

  private static Evidence evidence(String field, String text, Matcher m) {
    return new Evidence(field, m.start(), m.end(), text.substring(m.start(), m.end()));
  }

  /**
   * One claim of total nutrients.
   *
   * @param percent N+P₂O₅+K₂O in percent
   */
  record Claim(double percent, Evidence evidence) {}
}
