package org.iprradar.detect.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.rules.RuleBook;

/** Loads operator rules from YAML into a rule book; a rule that fails is reported and skipped. */
public final class RuleLoader {

  private RuleLoader() {}

  /**
   * Stages the rules at {@code location} (see {@link YamlEntries#read}) in {@code book}, without
   * publishing them.
   *
   * @return the enabled rules staged, and one error per refused entry with its file and index
   */
  public static LoadReport<Rule> loadInto(String location, RuleBook book) throws IOException {
    var loaded = new ArrayList<Rule>();
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
      var refused = book.putRule(rule);
      if (refused.isPresent()) {
        errors.add(entry.origin() + ": " + refused.get());
      } else if (rule.enabled()) {
        loaded.add(rule);
      }
    }
    return new LoadReport<>(loaded, errors);
  }
}
