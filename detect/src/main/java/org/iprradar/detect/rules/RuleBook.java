package org.iprradar.detect.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.match.ListingMatcher;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.match.RuleCompiler;
import org.iprradar.detect.match.RuleSyntaxException;
import org.iprradar.detect.score.BrandRegistry;
import org.iprradar.detect.score.ContentDigest;

/**
 * The rules and brands in force, changed at run time. Writers stage changes ({@link #putRule},
 * {@link #removeBrand}, ...) and {@link #publish()} them as a new {@link RuleSet}, built aside and
 * swapped in atomically: readers never wait and never see half an update. A batch of changes costs
 * one rebuild.
 */
public final class RuleBook implements Supplier<RuleSet> {

  private final Analyzer analyzer;
  private final RuleCompiler compiler;
  private final double brandWeight;
  private final Presearcher presearcher;
  private final Object lock = new Object();
  private final Map<String, MatchRule> rules = new LinkedHashMap<>();
  private final Map<String, Brand> brands = new LinkedHashMap<>();
  private final Map<String, MatchRule> brandRules = new LinkedHashMap<>();
  // The rules as written, for the rules version: what an operator wrote, not how it compiled.
  private final Map<String, Rule> ruleSources = new LinkedHashMap<>();
  // Disabled rules match nothing, but operators still list, edit and re-enable them.
  private final Map<String, Rule> disabledSources = new LinkedHashMap<>();
  private final AtomicReference<RuleSet> current;
  private long version;

  /**
   * @param brandWeight points a brand mention adds, given to the rules derived from brands
   */
  public RuleBook(Analyzer analyzer, double brandWeight, Presearcher presearcher) {
    this.analyzer = analyzer;
    this.compiler = new RuleCompiler(analyzer);
    this.brandWeight = brandWeight;
    this.presearcher = presearcher;
    this.current =
        new AtomicReference<>(
            new RuleSet(
                0,
                new ListingMatcher(List.of(), analyzer, presearcher),
                new BrandRegistry(List.of()),
                digest(Map.of()),
                digest(Map.of())));
  }

  /** The set in force now. Lock-free. */
  @Override
  public RuleSet get() {
    return current.get();
  }

  /**
   * Stages a new or changed rule; a disabled rule is taken out.
   *
   * @return why the rule was refused (its query does not compile), or empty when it was staged; a
   *     refused rule leaves the rule in force under that id unchanged
   */
  public Optional<String> putRule(Rule rule) {
    if (!rule.enabled()) {
      synchronized (lock) {
        removeRule(rule.id());
        disabledSources.put(rule.id(), rule);
      }
      return Optional.empty();
    }
    MatchRule compiled;
    try {
      compiled = compiler.compile(rule);
    } catch (RuleSyntaxException e) {
      return Optional.of(e.getMessage());
    }
    synchronized (lock) {
      rules.put(rule.id(), compiled);
      ruleSources.put(rule.id(), rule);
      disabledSources.remove(rule.id());
    }
    return Optional.empty();
  }

  public void removeRule(String ruleId) {
    synchronized (lock) {
      rules.remove(ruleId);
      ruleSources.remove(ruleId);
      disabledSources.remove(ruleId);
    }
  }

  /** Stages a new or changed brand, and so its derived brand-mention rule. */
  public void putBrand(Brand brand) {
    MatchRule derived = compiler.compileBrand(brand, brandWeight);
    synchronized (lock) {
      brands.put(brand.brandId(), brand);
      brandRules.put(brand.brandId(), derived);
    }
  }

  public void removeBrand(String brandId) {
    synchronized (lock) {
      brands.remove(brandId);
      brandRules.remove(brandId);
    }
  }

  /** Builds a set from everything staged so far and puts it in force. */
  public RuleSet publish() {
    synchronized (lock) {
      var all = new ArrayList<MatchRule>(rules.size() + brandRules.size());
      all.addAll(rules.values());
      all.addAll(brandRules.values());
      var set =
          new RuleSet(
              ++version,
              new ListingMatcher(all, analyzer, presearcher),
              new BrandRegistry(List.copyOf(brands.values())),
              digest(ruleSources),
              digest(brands));
      current.set(set);
      return set;
    }
  }

  /**
   * The version of a collection of rules or brands: a digest of their content in the order of their
   * ids, so that the same rules read in another order after a restart have the same version.
   */
  private static String digest(Map<String, ?> byId) {
    return ContentDigest.start().addAll(byId).finish();
  }

  /** Every operator rule staged, enabled or not, as written, in the order of their ids. */
  public List<Rule> rulesAsWritten() {
    synchronized (lock) {
      var all = new ArrayList<Rule>(ruleSources.values());
      all.addAll(disabledSources.values());
      all.sort(Comparator.comparing(Rule::id));
      return all;
    }
  }

  /** Every brand staged, in the order of their ids. */
  public List<Brand> brandsAsWritten() {
    synchronized (lock) {
      var all = new ArrayList<Brand>(brands.values());
      all.sort(Comparator.comparing(Brand::brandId));
      return all;
    }
  }

  /** The analyzer rules are compiled with, so that a trial matcher analyses listings alike. */
  public Analyzer analyzer() {
    return analyzer;
  }

  public Presearcher presearcher() {
    return presearcher;
  }

  /** Compiles a rule as the book would, without staging it. */
  public MatchRule compile(Rule rule) throws RuleSyntaxException {
    return compiler.compile(rule);
  }

  /** Derives a brand's brand-mention rule as the book would, without staging it. */
  public MatchRule compileBrand(Brand brand) {
    return compiler.compileBrand(brand, brandWeight);
  }

  /** How many operator rules and brands are staged. */
  public int[] sizes() {
    synchronized (lock) {
      return new int[] {rules.size(), brands.size()};
    }
  }
}
