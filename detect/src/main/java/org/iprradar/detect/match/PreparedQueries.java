package org.iprradar.detect.match;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Rule queries rewritten once, when the rule set is built, instead of once per listing and rule.
 * Only queries made of types whose rewrite is structural are prepared: their rewrite is the same
 * against any listing's index. Wildcards, fuzzy terms and unknown types are left to be rewritten
 * against each listing, as their expansion depends on its terms.
 */
final class PreparedQueries {

  private PreparedQueries() {}

  /** The outcome for one rule: a prepared query, or why there is none. */
  sealed interface Preparation {}

  /** Rewritten once; verify this. */
  record Prepared(Query query) implements Preparation {}

  /** Rewrites differently per listing: rewrite it against each listing. */
  record PerListing() implements Preparation {}

  /**
   * The rewrite fails whatever the listing (too many clauses): every listing must try the rule and
   * report the failure, as trying every rule would.
   */
  record AlwaysFails() implements Preparation {}

  static Preparation[] of(List<MatchRule> rules) {
    IndexSearcher empty = new MemoryIndex(true, false).createSearcher();
    var preparations = new Preparation[rules.size()];
    for (int r = 0; r < preparations.length; r++) {
      Query query = rules.get(r).query();
      if (!isStructural(query)) {
        preparations[r] = new PerListing();
        continue;
      }
      try {
        preparations[r] = new Prepared(empty.rewrite(query));
      } catch (IOException | RuntimeException e) {
        preparations[r] = new AlwaysFails();
      }
    }
    return preparations;
  }

  /**
   * Whether the query and all its parts rewrite without looking at the index. Exact classes only: a
   * subclass may rewrite otherwise.
   */
  static boolean isStructural(Query query) {
    Class<?> type = query.getClass();
    if (type == TermQuery.class
        || type == PhraseQuery.class
        || type == SynonymQuery.class
        || type == MatchAllDocsQuery.class
        || type == MatchNoDocsQuery.class) {
      return true;
    }
    if (type == BooleanQuery.class) {
      for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
        if (!isStructural(clause.getQuery())) {
          return false;
        }
      }
      return true;
    }
    if (type == BoostQuery.class) {
      return isStructural(((BoostQuery) query).getQuery());
    }
    if (type == ConstantScoreQuery.class) {
      return isStructural(((ConstantScoreQuery) query).getQuery());
    }
    if (type == DisjunctionMaxQuery.class) {
      for (Query disjunct : ((DisjunctionMaxQuery) query).getDisjuncts()) {
        if (!isStructural(disjunct)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
