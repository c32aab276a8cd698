package org.iprradar.detect.match;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Every term a rule's query reads from a listing, excluded ones included. A memory index holding
 * only these terms, at their positions and offsets, gives the query the same matches as the whole
 * listing: term and phrase matching look at nothing else. Queries that expand patterns against the
 * listing (wildcards, fuzzy terms) or of unknown types read everything.
 */
final class QueryTerms {

  private QueryTerms() {}

  /** The terms, or null when the query may read any token of the listing. */
  static Set<Term> of(Query query) {
    if (!PreparedQueries.isStructural(query)) {
      // A type we do not know could read tokens its visit() does not declare.
      return null;
    }
    var collector = new Collector();
    query.visit(collector);
    return collector.readsAnything ? null : collector.terms;
  }

  private static final class Collector extends QueryVisitor {
    final Set<Term> terms = new HashSet<>();
    boolean readsAnything;

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      // The default skips MUST_NOT clauses, but an exclusion reads its terms too.
      return this;
    }

    @Override
    public void consumeTerms(Query query, Term... consumed) {
      terms.addAll(Arrays.asList(consumed));
    }

    @Override
    public void consumeTermsMatching(
        Query query, String field, Supplier<ByteRunAutomaton> automaton) {
      readsAnything = true;
    }

    @Override
    public void visitLeaf(Query query) {
      if (query.getClass() != MatchAllDocsQuery.class
          && query.getClass() != MatchNoDocsQuery.class) {
        readsAnything = true;
      }
    }
  }
}
