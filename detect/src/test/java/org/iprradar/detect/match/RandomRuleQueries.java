package org.iprradar.detect.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.iprradar.detect.TaobaoTitle;

/**
 * Random rule queries in the operators' query syntax, cut from real titles and their tagged brands
 * so that many of them hit: phrases, single characters, Latin words, sloppy phrases, wildcards,
 * field restrictions, +/- and AND/OR/NOT, nested groups, and queries of exclusions only.
 */
final class RandomRuleQueries {

  static final List<String> SLANG =
      List.of("高仿", "精仿", "A货", "超A", "原单", "尾单", "复刻", "一比一", "莆田", "纯原", "公司级", "专柜品质");

  private static final List<String> FIELDS = List.of("title", "description", "shopName");
  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");
  private static final int MAX_DEPTH = 3;

  private final Random random;
  private final List<String> titles;
  private final List<String> brands;
  private final List<String> latinWords;
  private List<String> focus = List.of();

  RandomRuleQueries(Random random, List<TaobaoTitle> data) {
    this.random = random;
    this.titles = data.stream().map(TaobaoTitle::title).toList();
    var brandSet = new LinkedHashSet<String>();
    var latinSet = new LinkedHashSet<String>();
    for (TaobaoTitle t : data) {
      brandSet.addAll(t.brands());
      Matcher m = LATIN_WORD.matcher(t.title());
      while (m.find()) {
        latinSet.add(m.group());
      }
    }
    this.brands = List.copyOf(brandSet);
    this.latinWords = List.copyOf(latinSet);
  }

  List<String> brands() {
    return brands;
  }

  /** A title from the whole data set. */
  String title() {
    return pick(titles);
  }

  /**
   * Makes half of the pieces come from these titles: the listings under test, so that many rules
   * hit them.
   */
  void focusOn(List<String> listingTitles) {
    this.focus = List.copyOf(listingTitles);
  }

  private String source() {
    return !focus.isEmpty() && random.nextBoolean() ? pick(focus) : title();
  }

  /** A whole rule query. */
  String next() {
    if (random.nextInt(100) < 5) {
      return exclusionsOnly();
    }
    return expression(0);
  }

  private String exclusionsOnly() {
    var query = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      query.append(i > 0 ? " " : "").append(random.nextBoolean() ? "-" : "NOT ").append(clause(1));
    }
    return query.toString();
  }

  private String expression(int depth) {
    int n = 1 + random.nextInt(depth == 0 ? 4 : 3);
    var query = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        query.append(pick(List.of(" ", " ", " AND ", " OR ", " AND NOT ", " NOT ")));
      }
      int prefix = random.nextInt(100);
      query.append(prefix < 20 ? "+" : prefix < 32 ? "-" : "").append(clause(depth));
    }
    return query.toString();
  }

  private String clause(int depth) {
    var clause = new StringBuilder();
    if (random.nextInt(100) < 20) {
      clause.append(pick(FIELDS)).append(':');
    }
    if (depth < MAX_DEPTH && random.nextInt(100) < 18) {
      clause.append('(').append(expression(depth + 1)).append(')');
    } else {
      clause.append(atom());
    }
    if (random.nextInt(100) < 4) {
      clause.append("^2");
    }
    return clause.toString();
  }

  private String atom() {
    int kind = random.nextInt(1000);
    if (kind < 280) {
      return quoted(cut(source(), 1 + random.nextInt(6)));
    }
    if (kind < 360) {
      return QueryParser.escape(hanRun());
    }
    if (kind < 500) {
      String brand = pick(brands);
      return random.nextBoolean() ? quoted(brand) : QueryParser.escape(brand.replace(' ', ','));
    }
    if (kind < 600) {
      return quoted(pick(SLANG));
    }
    if (kind < 690) {
      return QueryParser.escape(cut(source(), 1));
    }
    if (kind < 770) {
      return QueryParser.escape(latinWord());
    }
    if (kind < 850) {
      return sloppyPhrase();
    }
    if (kind < 970) {
      return wildcard();
    }
    if (kind < 975) {
      // Rare: a fuzzy term builds automata against every listing, which makes the reference slow.
      return QueryParser.escape(latinWord()) + "~1";
    }
    if (kind < 990) {
      return "[a TO " + (char) ('b' + random.nextInt(24)) + "]";
    }
    return "*:*";
  }

  /** Two pieces of one title, near each other, maybe swapped, as a phrase with slop. */
  private String sloppyPhrase() {
    String title = source();
    int at = random.nextInt(Math.max(1, title.length()));
    String first = cut(title, at, 1 + random.nextInt(2));
    String second = cut(title, at + first.length() + random.nextInt(3), 1 + random.nextInt(2));
    if (random.nextBoolean()) {
      String swap = first;
      first = second;
      second = swap;
    }
    return quoted(first + " " + second) + "~" + (1 + random.nextInt(3));
  }

  private String wildcard() {
    return switch (random.nextInt(4)) {
      case 0 -> {
        String word = latinWord();
        yield QueryParser.escape(word.substring(0, Math.min(word.length(), 2 + random.nextInt(3))))
            + "*";
      }
      case 1 -> {
        String word = latinWord();
        int at = random.nextInt(word.length());
        yield QueryParser.escape(word.substring(0, at))
            + "?"
            + QueryParser.escape(word.substring(at + 1));
      }
      case 2 -> QueryParser.escape(cut(source(), 1)) + "*";
      default -> QueryParser.escape(hanRun().substring(0, 1)) + "?";
    };
  }

  private String latinWord() {
    String word = pick(latinWords);
    return switch (random.nextInt(3)) {
      case 0 -> word.toLowerCase(Locale.ROOT);
      case 1 -> word.toUpperCase(Locale.ROOT);
      default -> word;
    };
  }

  private String hanRun() {
    for (int attempt = 0; attempt < 20; attempt++) {
      Matcher m = HAN_RUN.matcher(source());
      var runs = new ArrayList<String>();
      while (m.find()) {
        runs.add(m.group());
      }
      if (!runs.isEmpty()) {
        String run = pick(runs);
        int length = Math.min(run.length(), 2 + random.nextInt(3));
        int start = random.nextInt(run.length() - length + 1);
        return run.substring(start, start + length);
      }
    }
    return "高仿";
  }

  private String cut(String title, int length) {
    return cut(title, random.nextInt(Math.max(1, title.length())), length);
  }

  private static String cut(String title, int start, int length) {
    int from = Math.min(start, title.length());
    return title.substring(from, Math.min(title.length(), from + length));
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
