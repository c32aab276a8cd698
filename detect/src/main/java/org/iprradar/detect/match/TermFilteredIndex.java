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

  /** By listing field ordinal: the tokens some rule reads in that field. */
  private final FieldTokens[] byField;

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

  /** A token of one field that some rule reads: in an anchor, or elsewhere in its query. */
  private static final class TokenEntry {
    /** Unique among the tokens of all fields. */
    final int id;

    /** The anchor of this token alone, or -1. */
    int single = -1;

    /** Whether this token is the first of some pair anchor. */
    boolean startsPair;

    /**
     * Ids of the tokens this one follows in a pair anchor, ascending; parallel to {@link #pairs}.
     */
    int[] after = NONE;

    int[] pairs = NONE;

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
    ids.freeze();
    this.byField = ids.byField();
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

    /** Sorts the pair arrays of every entry for binary search. */
    void freeze() {
      for (Map<String, TokenEntry> field : entries) {
        field.forEach(
            (token, entry) -> {
              List<int[]> pairs = pairsOf.get(entry.id);
              pairs.sort((x, y) -> Integer.compare(x[0], y[0]));
              entry.after = pairs.stream().mapToInt(p -> p[0]).toArray();
              entry.pairs = pairs.stream().mapToInt(p -> p[1]).toArray();
            });
      }
    }

    /** By field ordinal: the entries, split by token length. */
    FieldTokens[] byField() {
      var fields = new FieldTokens[entries.size()];
      for (int f = 0; f < fields.length; f++) {
        var single = new HashMap<Character, TokenEntry>();
        var longer = new CharArrayMap<TokenEntry>(Math.max(1, entries.get(f).size()), false);
        entries
            .get(f)
            .forEach(
                (token, entry) -> {
                  if (token.length() == 1) {
                    single.put(token.charAt(0), entry);
                  } else {
                    longer.put(token, entry);
                  }
                });
        fields[f] = new FieldTokens(new CharTable<>(single), CharArrayMap.unmodifiableMap(longer));
      }
      return fields;
    }
  }

  /**
   * The tokens rules read in one field. One-character tokens, most of a Chinese listing, get a
   * table of their own where a lookup hashes no array.
   */
  private record FieldTokens(CharTable<TokenEntry> chars, CharArrayMap<TokenEntry> words) {
    TokenEntry get(char[] text, int length) {
      return length == 1 ? chars.get(text[0]) : words.get(text, 0, length);
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
    private TokenEntry[] previous = new TokenEntry[2];
    private int previousSize;
    private TokenEntry[] current = new TokenEntry[2];
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
        TokenEntry[] swap = previous;
        previous = current;
        previousSize = positionIncrement > 1 ? 0 : currentSize;
        current = swap;
        currentSize = 0;
      }
      TokenEntry entry = fieldTokens.get(text, length);
      if (entry == null) {
        // No rule reads it: in no anchor, neither alone nor as half of a pair.
        return -1;
      }
      if (entry.single >= 0) {
        see(entry.single);
      }
      if (entry.after.length > 0) {
        for (int i = 0; i < previousSize; i++) {
          int at = Arrays.binarySearch(entry.after, previous[i].id);
          if (at >= 0) {
            see(entry.pairs[at]);
          }
        }
      }
      // Only a token that starts some pair can be the first half of one with the next token.
      if (entry.startsPair) {
        if (currentSize == current.length) {
          current = Arrays.copyOf(current, currentSize * 2);
        }
        current[currentSize++] = entry;
      }
      return entry.id;
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
