package org.iprradar.detect.score;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iprradar.common.model.Evidence;

/**
 * Reads from a title how many retail units its price buys, so that a bulk listing's price is
 * compared per unit with a brand's reference band. Only counts of retail units count (10支, 6瓶,
 * x12); what one unit holds (200粒, 10丸, 500g, 5kg, 30斤) does not, nor sizes (40x60cm), durations
 * (12个月), sets (四件套), minimum orders (10件起批) or conditions (满2件, 第2件).
 */
final class UnitCounter {

  private static final String CHINESE_DIGITS = "一二两三四五六七八九十";
  private static final int MAX_UNITS = 10_000;

  /**
   * What may follow a unit word and make it something else: 件套 is a set, 个月 a duration, 件起批 a
   * minimum order, 条纹 stripes, 包邮 free shipping.
   */
  private static final String NOT_A_COUNT_AFTER = "(?!套|月|工作日|人|起|小时|纹|邮)";

  /** A multiplication sign and a count: "*10", "×6", "x12". */
  private static final Pattern TIMES = Pattern.compile("[*×✕xX]\\s*(\\d{1,5})(?![\\d.])");

  /** A quantity of contents right before a multiplication sign: the "210g" of "210g*10". */
  private static final Pattern CONTENT_BEFORE =
      Pattern.compile("\\d(?:g|kg|mg|ml|l|克|千克|公斤|毫升|升|斤|粒|丸|片)\\s*$", Pattern.CASE_INSENSITIVE);

  /** Han characters that, right after a count, measure contents or size rather than units. */
  private static final String CONTENT_OR_SIZE = "粒丸片克斤毫厘米寸码升吨公千";

  /** Buy n, get m free: 买一送一, 买2送1, 买一瓶送一瓶. */
  private final Pattern promotion;

  /** Arabic digits and a unit word: 10支, 6瓶, 5瓶装. */
  private final Pattern counted;

  /** Chinese digits and a unit word, only with 装 to be sure it is a pack: 六瓶装. */
  private final Pattern chineseCounted;

  UnitCounter(List<String> retailUnits) {
    String units =
        retailUnits.stream()
            .sorted((a, b) -> b.length() - a.length())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    if (units.isEmpty()) {
      // No unit words configured: nothing is a count (an empty alternative would match any number).
      units = "(?!)";
    }
    String number = "([\\d" + CHINESE_DIGITS + "]{1,3})";
    promotion = Pattern.compile("买\\s*" + number + "\\s*(?:" + units + ")?\\s*送\\s*" + number);
    counted =
        Pattern.compile(
            "(?<![\\d.a-zA-Z])(?<!满|第|送|任选|前)(\\d{1,5})(?:" + units + ")" + NOT_A_COUNT_AFTER);
    chineseCounted = Pattern.compile("([" + CHINESE_DIGITS + "]{1,3})(?:" + units + ")装");
  }

  /** The units the title's price buys; {@link UnitCount#ONE} when it states no count. */
  UnitCount count(String title) {
    var evidence = new ArrayList<Evidence>();
    Count largest = null;
    for (Count found : counts(title)) {
      if (found.units() > 1 && (largest == null || found.units() > largest.units())) {
        largest = found;
      }
    }
    int units = 1;
    if (largest != null) {
      units = largest.units();
      evidence.add(largest.evidence());
    }
    double multiplier = 1;
    Matcher promo = promotion.matcher(title);
    if (promo.find()) {
      int bought = parse(promo.group(1));
      int free = parse(promo.group(2));
      if (bought > 0 && free > 0) {
        multiplier = (bought + free) / (double) bought;
        evidence.add(evidence(title, promo.start(), promo.end()));
      }
    }
    double total = Math.min(MAX_UNITS, units * multiplier);
    return total > 1 ? new UnitCount(total, evidence) : UnitCount.ONE;
  }

  private record Count(int units, Evidence evidence) {}

  private List<Count> counts(String title) {
    var found = new ArrayList<Count>();
    Matcher m = counted.matcher(title);
    while (m.find()) {
      found.add(new Count(parse(m.group(1)), evidence(title, m.start(), m.end())));
    }
    m = chineseCounted.matcher(title);
    while (m.find()) {
      found.add(new Count(parse(m.group(1)), evidence(title, m.start(), m.end())));
    }
    m = TIMES.matcher(title);
    while (m.find()) {
      if (isCountAfterTimes(title, m)) {
        found.add(new Count(parse(m.group(1)), evidence(title, m.start(), m.end())));
      }
    }
    return found;
  }

  /**
   * "210g*10" and "装 x12" are counts; "40x60" is a size, "x2粒" and "x60cm" are contents or sizes,
   * and a letter before an x makes it part of a word.
   */
  private static boolean isCountAfterTimes(String title, Matcher m) {
    String before = title.substring(0, m.start()).stripTrailing();
    if (!before.isEmpty()) {
      char last = before.charAt(before.length() - 1);
      boolean letterOrDigit = Character.isDigit(last) || isLatin(last);
      if (letterOrDigit && !CONTENT_BEFORE.matcher(before).find()) {
        return false;
      }
    }
    int next = m.end();
    if (next < title.length()) {
      char after = title.charAt(next);
      if (isLatin(after) || CONTENT_OR_SIZE.indexOf(after) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLatin(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static Evidence evidence(String title, int start, int end) {
    return new Evidence("title", start, end, title.substring(start, end));
  }

  /** Arabic digits, or Chinese ones up to 99 (六, 十二, 二十四); 0 when unreadable. */
  static int parse(String number) {
    if (number.chars().allMatch(Character::isDigit)) {
      try {
        return Integer.parseInt(number);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    int ten = number.indexOf('十');
    if (ten < 0) {
      return number.length() == 1 ? digit(number.charAt(0)) : 0;
    }
    int tens = ten == 0 ? 1 : digit(number.charAt(0));
    int ones = ten == number.length() - 1 ? 0 : digit(number.charAt(ten + 1));
    return tens * 10 + ones;
  }

  private static int digit(char c) {
    return switch (c) {
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> 0;
    };
  }
}
