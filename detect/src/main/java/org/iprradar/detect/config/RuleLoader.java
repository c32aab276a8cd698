package org.iprradar.detect.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.match.MatchRule;
import org.iprradar.detect.match.RuleCompiler;
import org.iprradar.detect.match.RuleSyntaxException;

/** Loads operator rules from YAML and compiles them; a rule that fails is reported and skipped. */
public final class RuleLoader {

  private final RuleCompiler compiler;

  public RuleLoader(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  /** Loads the enabled rules at {@code location} (see {@link YamlEntries#read}). */
  public LoadReport<MatchRule> load(String location) throws IOException {
    var loaded = new ArrayList<MatchRule>();
    var errors = new ArrayList<String>();
    var seen = new HashSet<String>();
    for (var entry : YamlEntries.read(location, "rules", Rule.class)) {
      if (entry.error() != null) {
        errors.add(entry.origin() + ": " + entry.error());
        continue;
      }
      Rule rule = entry.value();
      if (!seen.add(rule.id())) {
        errors.add(entry.origin() + ": rule id " + rule.id() + " is defined twice");
        continue;
      }
      if (!rule.enabled()) {
        continue;
      }
      try {
        loaded.add(compiler.compile(rule));
      } catch (RuleSyntaxException e) {
        errors.add(entry.origin() + ": " + e.getMessage());
      }
    }
    return new LoadReport<>(loaded, errors);
  }
}
