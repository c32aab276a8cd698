package org.iprradar.detect.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.SignalType;

/** Turns operator rules and registry brands into {@link MatchRule}s over the listing analyzer. */
public final class RuleCompiler {

  private final Analyzer analyzer;

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
      throw new RuleSyntaxException(rule.id(), firstLine(e.getMessage()), e);
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
   * Derives the brand-mention rule of a brand: any of its names or aliases, as a phrase, in the
   * title or description.
   */
  public MatchRule compileBrand(Brand brand, double weight) {
    var builder = new QueryBuilder(analyzer);
    var names = new LinkedHashSet<String>(brand.names());
    names.addAll(brand.aliases());
    List<Query> clauses = new ArrayList<>();
    for (String name : names) {
      for (ListingField field : ListingField.DEFAULT_SEARCH) {
        Query phrase = builder.createPhraseQuery(field.fieldName(), name);
        if (phrase != null) {
          clauses.add(phrase);
        }
      }
    }
    var query = new BooleanQuery.Builder();
    clauses.forEach(q -> query.add(q, BooleanClause.Occur.SHOULD));
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

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
