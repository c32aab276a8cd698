package org.iprradar.detect.match;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.SignalType;

/** Turns operator rules and registry brands into {@link MatchRule}s over the listing analyzer. */
public final class RuleCompiler {

  /**
   * Longer names are not spelled out letter by letter: one letter per token would match too easily.
   */
  private static final int MAX_SPELLED_OUT = 8;

  private static final Pattern COLUMN = Pattern.compile("line \\d+, column (\\d+)");

  private final Analyzer analyzer;
  private final Transliterator pinyin = Transliterator.getInstance("Han-Latin/Names; Latin-ASCII");

  public RuleCompiler(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Parses an operator rule. A Chinese word is matched as a phrase of its characters, so {@code 高仿}
   * finds 高仿 and not 高 somewhere and 仿 elsewhere.
   *
   * @throws RuleSyntaxException when the query does not parse or matches nothing at all
   */
  public MatchRule compile(Rule rule) throws RuleSyntaxException {
    String[] fields =
        ListingField.DEFAULT_SEARCH.stream().map(ListingField::fieldName).toArray(String[]::new);
    // The classic parser keeps state while parsing, so each rule gets its own instance.
    QueryParser parser = new MultiFieldQueryParser(fields, analyzer);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    Query query;
    try {
      query = parser.parse(rule.query());
    } catch (ParseException e) {
      throw new RuleSyntaxException(
          rule.id(), firstLine(e.getMessage()), column(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new RuleSyntaxException(rule.id(), e.getMessage(), e);
    }
    if (query == null || query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
      throw new RuleSyntaxException(
          rule.id(), "query has no searchable terms: " + rule.query(), null);
    }
    return new MatchRule(
        rule.id(),
        rule.version(),
        SignalType.TEXT_RULE,
        query,
        rule.infringementType(),
        rule.category(),
        rule.weight(),
        null,
        rule.description());
  }

  /**
   * Derives the brand-mention rule of a brand: any of its names or aliases in the title or
   * description, in the forms sellers use to dodge filters: as written (路易威登, Louis Vuitton), Latin
   * words run together (louisvuitton) or letter by letter (L V, G.U.C.C.I), and the pinyin of a
   * Chinese name (gu chi, guchi).
   */
  public MatchRule compileBrand(Brand brand, double weight) {
    var forms = new LinkedHashSet<List<String>>();
    for (String name : concat(brand.names(), brand.aliases())) {
      List<String> tokens = analyze(name);
      if (tokens.isEmpty()) {
        continue;
      }
      forms.add(tokens);
      if (tokens.stream().allMatch(RuleCompiler::isLatinOrDigit)) {
        String joined = String.join("", tokens);
        forms.add(List.of(joined));
        if (joined.length() >= 2
            && joined.length() <= MAX_SPELLED_OUT
            && joined.chars().allMatch(Character::isLetter)) {
          forms.add(joined.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        }
      } else if (tokens.size() >= 2 && tokens.stream().allMatch(RuleCompiler::isHan)) {
        List<String> syllables = analyze(pinyin(name));
        if (syllables.size() == tokens.size()) {
          forms.add(syllables);
          forms.add(List.of(String.join("", syllables)));
        }
      }
    }
    var query = new BooleanQuery.Builder();
    for (List<String> form : forms) {
      for (ListingField field : ListingField.DEFAULT_SEARCH) {
        query.add(phrase(field.fieldName(), form), BooleanClause.Occur.SHOULD);
      }
    }
    return new MatchRule(
        "brand:" + brand.brandId(),
        brand.version(),
        SignalType.BRAND_MENTION,
        query.build(),
        InfringementType.COUNTERFEIT_TRADEMARK,
        null,
        weight,
        brand.brandId(),
        "Mentions the protected brand " + brand.names().get(0));
  }

  private static Query phrase(String field, List<String> tokens) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    var builder = new PhraseQuery.Builder();
    tokens.forEach(t -> builder.add(new Term(field, t)));
    return builder.build();
  }

  private List<String> analyze(String text) {
    var tokens = new ArrayList<String>();
    try (TokenStream stream = analyzer.tokenStream(ListingField.TITLE.fieldName(), text)) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /**
   * Transliterators are not thread-safe and costly to build: one per compiler, used under its lock.
   */
  private synchronized String pinyin(String han) {
    return pinyin.transliterate(han);
  }

  private static boolean isLatinOrDigit(String token) {
    return token.chars().allMatch(c -> c < 0x250 && Character.isLetterOrDigit(c));
  }

  private static boolean isHan(String token) {
    return token
        .codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The column the classic parser names in its message ("... at line 1, column 12."), for both its
   * grammar and its lexical errors; the lines of a rule query are joined by YAML, so the column is
   * the position in the query. 0 when the message names none.
   */
  static int column(String message) {
    if (message == null) {
      return 0;
    }
    Matcher m = COLUMN.matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
