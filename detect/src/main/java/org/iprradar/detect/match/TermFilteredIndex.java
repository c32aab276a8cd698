package org.iprradar.detect.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.FixedBitSet;

/**
 * The term-filtered candidate index. Each rule is keyed by one of its necessary anchor sets, the
 * one whose anchors are shared by the fewest other rules, so that common slang (高仿 in thousands of
 * rules) is not the key of a brand-plus-slang rule when the brand is. A candidate whose other
 * necessary sets have no anchor in the listing is dropped before verification: 耐克 alone does not
 * make "耐克 AND 高仿" worth a memory index.
 *
 * <p>Listing tokens are looked up as they come out of the analyzer, by their characters, with no
 * key built per token: most tokens of a listing are in no rule, and a miss costs one hash lookup.
 * The same lookup tells which tokens the selected rules read, so that the memory index that
 * verifies them need hold only those.
 */
final class TermFilteredIndex implements CandidateIndex {

  private static final int[] NONE = new int[0];
  private static final ListingField[] FIELDS = ListingField.values();

  private final int ruleCount;
  private final int anchorCount;

  /** By listing field ordinal: the numbers of the tokens some rule reads in that field. */
  private final FieldTokens[] byField;

  /** By token number: the anchor of the token alone, or -1. */
  private final int[] singleAnchor;

  /** Tokens that are the first of some pair anchor. */
  private final FixedBitSet startsPair;

  /**
   * Pair anchors by their second token {@code t}: at {@code [pairsStart[t] .. pairsStart[t + 1])},
   * {@code pairFirst} holds the first tokens, ascending, and {@code pairAnchor} the anchors.
   */
  private final int[] pairsStart;

  private final int[] pairFirst;
  private final int[] pairAnchor;

  /** By anchor id: the rules keyed by that anchor, ascending. */
  private final int[][] keyed;

  /**
   * The necessary anchor sets of rule {@code r} other than its key, at {@code
   * necessary[necessaryStart[r] .. necessaryStart[r + 1])}, each written as its size followed by
   * its anchor ids.
   */
  private final int[] necessary;

  private final int[] necessaryStart;

  /** Rules whose requirements are unknown: they are tried on every listing. */
  private final int[] always;

  /**
   * The tokens rule {@code r} reads, at {@code reads[readsStart[r] .. readsStart[r + 1])}, unless
   * it is in {@link #readsAnything}.
   */
  private final int[] reads;

  private final int[] readsStart;

  /** Rules that may read any token (wildcards, unknown query types). */
  private final FixedBitSet readsAnything;

  private final int tokenCount;

  /**
   * While building: a token of one field that some rule reads, in an anchor or elsewhere in its
   * query. The index keeps its parts in flat arrays by token number.
   */
  private static final class TokenEntry {
    /** Unique among the tokens of all fields. */
    final int id;

    /** The anchor of this token alone, or -1. */
    int single = -1;

    /** Whether this token is the first of some pair anchor. */
    boolean startsPair;

    TokenEntry(int id) {
      this.id = id;
    }
  }

  TermFilteredIndex(List<MatchRule> rules) {
    this.ruleCount = rules.size();
    var extracted = new ArrayList<List<Set<Anchor>>>(rules.size());
    var popularity = new HashMap<Anchor, Integer>();
    for (MatchRule rule : rules) {
      List<Set<Anchor>> alternatives = QueryAnchors.of(rule.query());
      extracted.add(alternatives);
      for (Set<Anchor> alternative : alternatives) {
        for (Anchor anchor : alternative) {
          popularity.merge(anchor, 1, Integer::sum);
        }
      }
    }
    var ids = new AnchorIds();
    var keyedLists = new ArrayList<List<Integer>>();
    var necessaryData = new ArrayList<Integer>();
    this.necessaryStart = new int[ruleCount + 1];
    var alwaysList = new ArrayList<Integer>();
    var readsData = new ArrayList<Integer>();
    this.readsStart = new int[ruleCount + 1];
    this.readsAnything = new FixedBitSet(Math.max(1, ruleCount));
    for (int r = 0; r < ruleCount; r++) {
      readsStart[r] = readsData.size();
      Set<Term> terms = QueryTerms.of(rules.get(r).query());
      if (terms == null) {
        readsAnything.set(r);
      } else {
        for (int token : ids.tokens(terms)) {
          readsData.add(token);
        }
      }
    }
    readsStart[ruleCount] = readsData.size();
    this.reads = toArray(readsData);
    for (int r = 0; r < ruleCount; r++) {
      necessaryStart[r] = necessaryData.size();
      List<Set<Anchor>> alternatives = extracted.get(r);
      if (alternatives.isEmpty()) {
        alwaysList.add(r);
        continue;
      }
      Set<Anchor> key = leastShared(alternatives, popularity);
      int[] keyIds = ids.of(key);
      var others = new ArrayList<int[]>();
      for (Set<Anchor> alternative : alternatives) {
        if (alternative != key) {
          others.add(ids.of(alternative));
        }
      }
      // A set with no anchor in a listing field cannot be met: the rule can never match.
      if (keyIds.length == 0 || others.stream().anyMatch(o -> o.length == 0)) {
        continue;
      }
      for (int anchor : keyIds) {
        while (keyedLists.size() <= anchor) {
          keyedLists.add(new ArrayList<>());
        }
        keyedLists.get(anchor).add(r);
      }
      for (int[] other : others) {
        necessaryData.add(other.length);
        for (int anchor : other) {
          necessaryData.add(anchor);
        }
      }
    }
    necessaryStart[ruleCount] = necessaryData.size();
    this.anchorCount = ids.count();
    this.keyed = new int[anchorCount][];
    for (int a = 0; a < anchorCount; a++) {
      keyed[a] = a < keyedLists.size() ? toArray(keyedLists.get(a)) : NONE;
    }
    this.necessary = toArray(necessaryData);
    this.always = toArray(alwaysList);
    this.tokenCount = ids.tokenCount();
    this.byField = ids.byField();
    this.singleAnchor = new int[tokenCount];
    this.startsPair = new FixedBitSet(Math.max(1, tokenCount));
    this.pairsStart = new int[tokenCount + 1];
    var firsts = new ArrayList<Integer>();
    var anchors = new ArrayList<Integer>();
    for (TokenEntry entry : ids.entriesByNumber()) {
      singleAnchor[entry.id] = entry.single;
      if (entry.startsPair) {
        startsPair.set(entry.id);
      }
      pairsStart[entry.id] = firsts.size();
      for (int[] pair : ids.pairsSortedByFirst(entry)) {
        firsts.add(pair[0]);
        anchors.add(pair[1]);
      }
    }
    pairsStart[tokenCount] = firsts.size();
    this.pairFirst = toArray(firsts);
    this.pairAnchor = toArray(anchors);
  }

  private static Set<Anchor> leastShared(
      List<Set<Anchor>> alternatives, Map<Anchor, Integer> popularity) {
    Set<Anchor> best = null;
    long bestCost = Long.MAX_VALUE;
    for (Set<Anchor> alternative : alternatives) {
      long cost = 0;
      for (Anchor anchor : alternative) {
        cost += popularity.getOrDefault(anchor, 0);
      }
      if (cost < bestCost) {
        best = alternative;
        bestCost = cost;
      }
    }
    return best;
  }

  private static int[] toArray(List<Integer> list) {
    return list.isEmpty() ? NONE : list.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public Selection newSelection() {
    return new TermSelection();
  }

  /** Anchors in the index, for measuring its size. */
  int anchorCount() {
    return anchorCount;
  }

  /**
   * Numbers the anchors of listing fields and builds the token entries that find them. Anchors of
   * other fields get no number: a listing never has them.
   */
  private static final class AnchorIds {
    private final Map<Anchor, Integer> ids = new HashMap<>();
    private final List<Map<String, TokenEntry>> entries = new ArrayList<>();
    private final Map<String, Integer> fieldOrdinals = new HashMap<>();
    private final List<List<int[]>> pairsOf = new ArrayList<>();

    AnchorIds() {
      for (ListingField field : FIELDS) {
        fieldOrdinals.put(field.fieldName(), field.ordinal());
        entries.add(new HashMap<>());
      }
    }

    int[] of(Set<Anchor> anchors) {
      return anchors.stream()
          .filter(a -> fieldOrdinals.containsKey(a.field()))
          .mapToInt(this::id)
          .distinct()
          .toArray();
    }

    private int id(Anchor anchor) {
      Integer known = ids.get(anchor);
      if (known != null) {
        return known;
      }
      int id = ids.size();
      ids.put(anchor, id);
      Map<String, TokenEntry> field = entries.get(fieldOrdinals.get(anchor.field()));
      TokenEntry first = entry(field, anchor.first());
      if (anchor.isPair()) {
        TokenEntry second = entry(field, anchor.second());
        first.startsPair = true;
        pairsOf.get(second.id).add(new int[] {first.id, id});
      } else {
        first.single = id;
      }
      return id;
    }

    private TokenEntry entry(Map<String, TokenEntry> field, String token) {
      return field.computeIfAbsent(
          token,
          t -> {
            pairsOf.add(new ArrayList<>());
            return new TokenEntry(pairsOf.size() - 1);
          });
    }

    /** The numbers of the tokens of listing fields among {@code terms}, with entries made. */
    int[] tokens(Set<Term> terms) {
      return terms.stream()
          .filter(t -> fieldOrdinals.containsKey(t.field()))
          .mapToInt(t -> entry(entries.get(fieldOrdinals.get(t.field())), t.text()).id)
          .distinct()
          .toArray();
    }

    int count() {
      return ids.size();
    }

    int tokenCount() {
      return pairsOf.size();
    }

    /** Every entry, by number. */
    List<TokenEntry> entriesByNumber() {
      var byNumber = new TokenEntry[pairsOf.size()];
      for (Map<String, TokenEntry> field : entries) {
        field.values().forEach(entry -> byNumber[entry.id] = entry);
      }
      return List.of(byNumber);
    }

    /** The pair anchors whose second token is {@code entry}: first token and anchor, by first. */
    List<int[]> pairsSortedByFirst(TokenEntry entry) {
      List<int[]> pairs = new ArrayList<>(pairsOf.get(entry.id));
      pairs.sort((x, y) -> Integer.compare(x[0], y[0]));
      return pairs;
    }

    /** By field ordinal: the token numbers, split by token length. */
    FieldTokens[] byField() {
      var fields = new FieldTokens[entries.size()];
      for (int f = 0; f < fields.length; f++) {
        var single = new HashMap<Character, Integer>();
        var longer = new CharArrayMap<Integer>(Math.max(1, entries.get(f).size()), false);
        entries
            .get(f)
            .forEach(
                (token, entry) -> {
                  if (token.length() == 1) {
                    single.put(token.charAt(0), entry.id);
                  } else {
                    longer.put(token, entry.id);
                  }
                });
        fields[f] = new FieldTokens(new CharTable(single), CharArrayMap.unmodifiableMap(longer));
      }
      return fields;
    }
  }

  /**
   * The numbers of the tokens rules read in one field. One-character tokens, most of a Chinese
   * listing, get a table of their own where a lookup hashes no array and boxes nothing.
   */
  private record FieldTokens(CharTable chars, CharArrayMap<Integer> words) {
    int get(char[] text, int length) {
      if (length == 1) {
        return chars.get(text[0]);
      }
      Integer number = words.get(text, 0, length);
      return number == null ? -1 : number;
    }
  }

  /** The presearch state of one listing, reused by one thread. */
  private final class TermSelection implements Selection {
    private final FixedBitSet anchorsSeen = new FixedBitSet(Math.max(1, anchorCount));
    private final FixedBitSet rulesSeen = new FixedBitSet(Math.max(1, ruleCount));
    private int[] anchors = new int[16];
    private int anchorsSize;
    private int[] rules = new int[16];
    private int rulesSize;
    private final FixedBitSet tokensNeeded = new FixedBitSet(Math.max(1, tokenCount));
    private int[] needed = new int[16];
    private int neededSize;
    private boolean anythingNeeded;
    private ListingField field;
    private FieldTokens fieldTokens;
    private int[] previous = new int[2];
    private int previousSize;
    private int[] current = new int[2];
    private int currentSize;

    @Override
    public void reset() {
      for (int i = 0; i < anchorsSize; i++) {
        anchorsSeen.clear(anchors[i]);
      }
      for (int i = 0; i < rulesSize; i++) {
        rulesSeen.clear(rules[i]);
      }
      for (int i = 0; i < neededSize; i++) {
        tokensNeeded.clear(needed[i]);
      }
      anchorsSize = 0;
      rulesSize = 0;
      neededSize = 0;
      anythingNeeded = false;
      field = null;
      fieldTokens = null;
      previousSize = 0;
      currentSize = 0;
    }

    @Override
    public int token(ListingField tokenField, char[] text, int length, int positionIncrement) {
      if (tokenField != field) {
        field = tokenField;
        fieldTokens = byField[tokenField.ordinal()];
        previousSize = 0;
        currentSize = 0;
      }
      if (positionIncrement > 0) {
        int[] swap = previous;
        previous = current;
        previousSize = positionIncrement > 1 ? 0 : currentSize;
        current = swap;
        currentSize = 0;
      }
      int token = fieldTokens.get(text, length);
      if (token < 0) {
        // No rule reads it: in no anchor, neither alone nor as half of a pair.
        return -1;
      }
      if (singleAnchor[token] >= 0) {
        see(singleAnchor[token]);
      }
      int from = pairsStart[token];
      int to = pairsStart[token + 1];
      if (from < to) {
        for (int i = 0; i < previousSize; i++) {
          int at = Arrays.binarySearch(pairFirst, from, to, previous[i]);
          if (at >= 0) {
            see(pairAnchor[at]);
          }
        }
      }
      // Only a token that starts some pair can be the first half of one with the next token.
      if (startsPair.get(token)) {
        current = append(current, currentSize++, token);
      }
      return token;
    }

    private void see(int anchor) {
      if (anchorsSeen.getAndSet(anchor)) {
        return;
      }
      anchors = append(anchors, anchorsSize++, anchor);
      for (int rule : keyed[anchor]) {
        select(rule);
      }
    }

    private void select(int rule) {
      if (!rulesSeen.getAndSet(rule)) {
        rules = append(rules, rulesSize++, rule);
      }
    }

    @Override
    public int[] candidates() {
      for (int rule : always) {
        select(rule);
      }
      if (rulesSize == 0) {
        return NONE;
      }
      Arrays.sort(rules, 0, rulesSize);
      int[] selected = new int[rulesSize];
      int count = 0;
      for (int i = 0; i < rulesSize; i++) {
        if (meetsEveryNecessarySet(rules[i])) {
          selected[count++] = rules[i];
          need(rules[i]);
        }
      }
      return count == selected.length
          ? selected
          : count == 0 ? NONE : Arrays.copyOf(selected, count);
    }

    private void need(int rule) {
      if (readsAnything.get(rule)) {
        anythingNeeded = true;
        return;
      }
      for (int i = readsStart[rule]; i < readsStart[rule + 1]; i++) {
        if (!tokensNeeded.getAndSet(reads[i])) {
          needed = append(needed, neededSize++, reads[i]);
        }
      }
    }

    @Override
    public boolean needs(int token) {
      return anythingNeeded || (token >= 0 && tokensNeeded.get(token));
    }

    @Override
    public boolean needsEveryToken() {
      return anythingNeeded;
    }

    private boolean meetsEveryNecessarySet(int rule) {
      int at = necessaryStart[rule];
      int end = necessaryStart[rule + 1];
      while (at < end) {
        int size = necessary[at++];
        boolean met = false;
        for (int i = at; i < at + size && !met; i++) {
          met = anchorsSeen.get(necessary[i]);
        }
        if (!met) {
          return false;
        }
        at += size;
      }
      return true;
    }
  }

  private static int[] append(int[] array, int size, int value) {
    int[] target = size == array.length ? Arrays.copyOf(array, size * 2) : array;
    target[size] = value;
    return target;
  }
}
