package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchResult;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.RuleSyntaxException;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScorerSet;
import org.iprradar.detect.score.SellerContext;

/**
 * Tries a draft rule or threshold on listings, scoring each twice, with the rules in force and with
 * the change, in a matcher and scorers of its own. It holds no producer and touches neither the
 * rule book nor the scoring book: a dry run cannot reach a live topic or the live rules.
 *
 * <p>Listings kept by detect are scored with the seller context they had when assessed; a sample
 * file's listings with none (no seller history, network or complaints), both before and after, so
 * that the difference is the change's alone.
 */
public final class DryRun {

  private static final JsonSerde<Listing> LISTING = new JsonSerde<>(Listing.class);
  private static final int MAX_EXAMPLES = 50;
  private static final int MAX_SAMPLE = 100_000;

  private final RuleBook book;
  private final Supplier<ScorerSet> scoring;
  private final RecentListings recent;
  private final ConfigValidator validator;
  private final Clock clock;

  public DryRun(RuleBook book, Supplier<ScorerSet> scoring, RecentListings recent, Clock clock) {
    this.book = book;
    this.scoring = scoring;
    this.recent = recent;
    this.validator = new ConfigValidator(book);
    this.clock = clock;
  }

  /**
   * @throws InvalidConfigException when the draft rule or the threshold is invalid
   */
  public DryRunResult run(DryRunRequest request) {
    Rule draft = request.rule() == null ? null : draft(request.rule());
    Double threshold = request.leadThreshold();
    if (threshold != null && !(threshold >= 0 && threshold <= 100)) {
      throw new InvalidConfigException(
          List.of(
              Problem.of("dry-run", "leadThreshold", "must be within 0..100, was " + threshold)));
    }
    if (draft == null && threshold == null) {
      throw new InvalidConfigException(
          List.of(Problem.of("dry-run", "rule", "give a draft rule, a leadThreshold, or both")));
    }
    var problems = new ArrayList<String>();
    List<RecentListings.Seen> listings;
    String source;
    if (request.sample() != null && !request.sample().isBlank()) {
      listings = parseSample(request.sample(), problems);
      source = "sample";
    } else {
      int limit = request.limit() == null ? recent.capacity() : request.limit();
      listings = recent.last(limit);
      source = "recent";
    }
    RuleSet live = book.get();
    ListingMatcher after = draft == null ? live.matcher() : matcherWith(live, draft);
    ScorerSet scorers = scoring.get();
    int wanted =
        Math.min(request.examples() == null ? 10 : Math.max(request.examples(), 0), MAX_EXAMPLES);
    String ruleId = draft == null ? null : draft.id();
    Instant now = clock.instant();

    int hitsBefore = 0;
    int hitsAfter = 0;
    int leadsBefore = 0;
    int leadsAfter = 0;
    var leadKeysBefore = new TreeSet<String>();
    var leadKeysAfter = new TreeSet<String>();
    var examples = new ArrayList<DryRunExample>();
    for (RecentListings.Seen seen : listings) {
      Listing listing = seen.listing();
      Scorer scorer = scorers.forCategory(listing.category());
      Scorer scorerAfter =
          threshold == null
              ? scorer
              : new Scorer(
                  scorer.settings().withLeadThreshold(threshold),
                  scorer.sellerWeights(),
                  scorer.contextWeights());
      MatchResult matchBefore = live.matcher().match(listing);
      MatchResult matchAfter = draft == null ? matchBefore : after.match(listing);
      Assessment a = scorer.assess(listing, matchBefore, live.brands(), seen.context(), now);
      Assessment b = scorerAfter.assess(listing, matchAfter, live.brands(), seen.context(), now);
      boolean hitBefore = ruleId != null && hits(matchBefore, ruleId);
      List<Evidence> evidence = ruleId == null ? List.of() : evidence(matchAfter, ruleId);
      boolean hitAfter = !evidence.isEmpty();
      hitsBefore += hitBefore ? 1 : 0;
      hitsAfter += hitAfter ? 1 : 0;
      if (a.lead()) {
        leadsBefore++;
        leadKeysBefore.add(Lead.key(listing.platform(), listing.sellerId(), a.infringementType()));
      }
      if (b.lead()) {
        leadsAfter++;
        leadKeysAfter.add(Lead.key(listing.platform(), listing.sellerId(), b.infringementType()));
      }
      if (hitAfter || hitBefore || a.lead() != b.lead()) {
        examples.add(
            new DryRunExample(
                listing.key(),
                listing.title(),
                listing.description(),
                listing.shopName(),
                a.score(),
                b.score(),
                a.lead(),
                b.lead(),
                evidence));
      }
    }
    var newLeads = new TreeSet<>(leadKeysAfter);
    newLeads.removeAll(leadKeysBefore);
    var goneLeads = new TreeSet<>(leadKeysBefore);
    goneLeads.removeAll(leadKeysAfter);
    // The listings whose lead status flips are what an operator must look at first.
    examples.sort(
        Comparator.comparing((DryRunExample e) -> e.leadBefore() == e.leadAfter())
            .thenComparing(e -> -Math.abs(e.scoreAfter() - e.scoreBefore())));
    return new DryRunResult(
        source,
        listings.size(),
        ruleId,
        hitsBefore,
        hitsAfter,
        leadsBefore,
        leadsAfter,
        List.copyOf(newLeads),
        List.copyOf(goneLeads),
        List.copyOf(examples.subList(0, Math.min(wanted, examples.size()))),
        problems);
  }

  private Rule draft(JsonNode node) {
    JsonNode id = node.get("id");
    int version = 1;
    if (id != null && id.isTextual()) {
      for (Rule r : book.rulesAsWritten()) {
        if (r.id().equals(id.asText())) {
          version = r.version() + 1;
        }
      }
    }
    return validator.rule(node, null, version);
  }

  /** The rules in force with the draft in place of the rule of its id (or without it, if off). */
  private ListingMatcher matcherWith(RuleSet live, Rule draft) {
    var rules = new ArrayList<MatchRule>();
    for (MatchRule rule : live.matcher().rules()) {
      if (!rule.id().equals(draft.id())) {
        rules.add(rule);
      }
    }
    if (draft.enabled()) {
      try {
        rules.add(book.compile(draft));
      } catch (RuleSyntaxException e) {
        // Unreachable: the validator compiled the same rule.
        throw new IllegalStateException(e);
      }
    }
    return new ListingMatcher(rules, book.analyzer(), book.presearcher());
  }

  private static boolean hits(MatchResult match, String ruleId) {
    return match.hits().stream().anyMatch(h -> h.rule().id().equals(ruleId));
  }

  private static List<Evidence> evidence(MatchResult match, String ruleId) {
    return match.hits().stream()
        .filter(h -> h.rule().id().equals(ruleId))
        .flatMap(h -> h.evidence().stream())
        .toList();
  }

  static List<RecentListings.Seen> parseSample(String ndjson, List<String> problems) {
    var listings = new ArrayList<RecentListings.Seen>();
    String[] lines = ndjson.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (listings.size() == MAX_SAMPLE) {
        problems.add("line " + (i + 1) + " on: not tried, a sample holds at most " + MAX_SAMPLE);
        break;
      }
      try {
        listings.add(
            new RecentListings.Seen(
                LISTING.read(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                SellerContext.of(null),
                List.of()));
      } catch (RuntimeException e) {
        problems.add("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return listings;
  }
}
