package org.iprradar.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.TaobaoTitle;

/**
 * Rule sets shaped like an operator's: for each brand, its name as a phrase and its name with
 * replica slang. Brand names are the ones tagged in the titles, then made-up ones once those run
 * out, so that a bigger set means more brands, not the same brands repeated.
 */
public final class BenchmarkRules {

  /** Replica slang, as counterfeit sellers write it in titles. */
  public static final List<String> SLANG =
      List.of("高仿", "精仿", "A货", "超A", "原单", "尾单", "复刻", "一比一", "莆田", "纯原", "公司级", "专柜品质");

  /** Rules per brand: the phrase alone and four brand-plus-slang combinations. */
  static final int RULES_PER_BRAND = 5;

  private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";

  private BenchmarkRules() {}

  /** {@code size} rules over the brands of {@code titles}, the same for the same seed. */
  public static List<Rule> of(int size, List<TaobaoTitle> titles, long seed) {
    var random = new Random(seed);
    List<String> brands = brands((size + RULES_PER_BRAND - 1) / RULES_PER_BRAND, titles, random);
    var rules = new ArrayList<Rule>(size);
    for (int i = 0; rules.size() < size; i++) {
      String brand = quoted(brands.get(i / RULES_PER_BRAND));
      String query =
          switch (i % RULES_PER_BRAND) {
            case 0 -> brand;
            case 1 -> brand + " AND (" + slang(random) + " OR " + slang(random) + ")";
            case 2 -> "+" + brand + " +" + slang(random);
            case 3 -> brand + " AND " + slang(random) + " AND NOT \"正品\"";
            default ->
                "title:"
                    + brand
                    + " AND ("
                    + slang(random)
                    + " "
                    + slang(random)
                    + " "
                    + slang(random)
                    + ")";
          };
      rules.add(
          new Rule(
              "bench-" + i,
              1,
              query,
              InfringementType.COUNTERFEIT_TRADEMARK,
              null,
              40,
              null,
              true,
              null));
    }
    return rules;
  }

  /** The tagged brand names of at least two characters, shuffled, then made-up names. */
  static List<String> brands(int count, List<TaobaoTitle> titles, Random random) {
    var names = new LinkedHashSet<String>();
    var han = new LinkedHashSet<Character>();
    for (TaobaoTitle title : titles) {
      for (String brand : title.brands()) {
        String name = brand.replace(',', ' ').strip();
        if (name.codePointCount(0, name.length()) >= 2) {
          names.add(name);
        }
      }
      title
          .title()
          .chars()
          .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
          .forEach(c -> han.add((char) c));
    }
    var tagged = new ArrayList<>(names);
    Collections.shuffle(tagged, random);
    var all = new ArrayList<>(tagged.subList(0, Math.min(count, tagged.size())));
    Set<String> seen = new LinkedHashSet<>(all);
    var alphabet = new ArrayList<>(han);
    while (all.size() < count) {
      // Three characters seen in titles, or a Latin word: rare as a phrase, like most brands.
      String name = random.nextBoolean() ? madeUpHan(alphabet, random) : madeUpLatin(random);
      if (seen.add(name)) {
        all.add(name);
      }
    }
    return all;
  }

  private static String madeUpHan(List<Character> alphabet, Random random) {
    var name = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      name.append(alphabet.get(random.nextInt(alphabet.size())));
    }
    return name.toString();
  }

  private static String madeUpLatin(Random random) {
    var name = new StringBuilder();
    int length = 5 + random.nextInt(4);
    for (int i = 0; i < length; i++) {
      name.append(LATIN.charAt(random.nextInt(LATIN.length())));
    }
    return name.toString();
  }

  private static String slang(Random random) {
    return quoted(SLANG.get(random.nextInt(SLANG.size())));
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
