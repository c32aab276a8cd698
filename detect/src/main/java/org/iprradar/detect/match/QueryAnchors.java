package org.iprradar.detect.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What a rule's query requires of a listing's terms, for the presearcher. The answer is a list of
 * alternatives, each a set of {@link Anchor}s (tokens or adjacent token pairs): every alternative
 * is a necessary condition, so a listing that contains none of the anchors of any one alternative
 * cannot match. Query types it does not understand make the rule a candidate for every listing:
 * never wrong, only slower.
 */
final class QueryAnchors {

  /** The rule must be tried on every listing. */
  static final List<Set<Anchor>> ANY = List.of();

  /** Enough for the pairs of a long brand name; more would only cost memory. */
  private static final int MAX_UNIONS = 8;

  private QueryAnchors() {}

  /**
   * The necessary anchor sets of {@code query}; {@link #ANY} when none can be derived. An empty set
   * inside the list means the query can never match.
   */
  static List<Set<Anchor>> of(Query query) {
    if (query instanceof TermQuery tq) {
      return List.of(Set.of(token(tq.getTerm())));
    }
    if (query instanceof PhraseQuery pq) {
      return phrase(pq);
    }
    if (query instanceof BooleanQuery bq) {
      return bool(bq);
    }
    if (query instanceof BoostQuery boost) {
      return of(boost.getQuery());
    }
    if (query instanceof ConstantScoreQuery csq) {
      return of(csq.getQuery());
    }
    if (query instanceof SynonymQuery sq) {
      var anchors = new HashSet<Anchor>();
      sq.getTerms().forEach(t -> anchors.add(token(t)));
      return List.of(anchors);
    }
    if (query instanceof DisjunctionMaxQuery dmq) {
      return disjunction(dmq.getDisjuncts());
    }
    if (query instanceof MatchNoDocsQuery) {
      return List.of(Set.of());
    }
    return ANY;
  }

  private static List<Set<Anchor>> phrase(PhraseQuery pq) {
    Term[] terms = pq.getTerms();
    int[] positions = pq.getPositions();
    if (terms.length == 0) {
      return List.of(Set.of());
    }
    var alternatives = new ArrayList<Set<Anchor>>();
    if (pq.getSlop() == 0) {
      for (int i = 0; i + 1 < terms.length; i++) {
        if (positions[i + 1] == positions[i] + 1) {
          alternatives.add(
              Set.of(Anchor.pair(terms[i].field(), terms[i].text(), terms[i + 1].text())));
        }
      }
    }
    if (alternatives.isEmpty()) {
      for (Term t : terms) {
        alternatives.add(Set.of(token(t)));
      }
    }
    return alternatives;
  }

  private static List<Set<Anchor>> bool(BooleanQuery bq) {
    var required = new ArrayList<Set<Anchor>>();
    var optional = new ArrayList<Query>();
    boolean anyRequired = false;
    for (BooleanClause clause : bq.clauses()) {
      switch (clause.getOccur()) {
        case MUST, FILTER -> {
          anyRequired = true;
          required.addAll(of(clause.getQuery()));
        }
        case SHOULD -> optional.add(clause.getQuery());
        case MUST_NOT -> {
          // Excluding terms never makes a listing a candidate.
        }
      }
    }
    if (anyRequired) {
      return required;
    }
    if (optional.isEmpty()) {
      // Only exclusions: Lucene matches nothing with such a query.
      return List.of(Set.of());
    }
    return disjunction(optional);
  }

  /**
   * One of the clauses must match: the union of one necessary set from each clause is necessary,
   * whichever set is taken from each. Several such unions are returned, the k-th taking each
   * clause's k-th cheapest set (or its last), so that a phrase searched in two fields keeps all its
   * pairs as requirements, not only its first.
   */
  private static List<Set<Anchor>> disjunction(Iterable<Query> clauses) {
    var perClause = new ArrayList<List<Set<Anchor>>>();
    int count = 0;
    for (Query clause : clauses) {
      List<Set<Anchor>> alternatives = of(clause);
      if (alternatives.isEmpty()) {
        return ANY;
      }
      var cheapestFirst = new ArrayList<>(alternatives);
      cheapestFirst.sort(Comparator.comparingInt(QueryAnchors::cost));
      perClause.add(cheapestFirst);
      count = Math.max(count, cheapestFirst.size());
    }
    var unions = new ArrayList<Set<Anchor>>();
    for (int k = 0; k < Math.min(count, MAX_UNIONS); k++) {
      var union = new HashSet<Anchor>();
      for (List<Set<Anchor>> alternatives : perClause) {
        union.addAll(alternatives.get(Math.min(k, alternatives.size() - 1)));
      }
      unions.add(union);
    }
    return unions.isEmpty() ? List.of(Set.of()) : unions;
  }

  private static int cost(Set<Anchor> anchors) {
    int cost = 0;
    for (Anchor anchor : anchors) {
      cost += anchor.isPair() ? 1 : 3;
    }
    return cost;
  }

  private static Anchor token(Term term) {
    return Anchor.token(term.field(), term.text());
  }
}
