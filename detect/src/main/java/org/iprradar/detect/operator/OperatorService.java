package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.Rule;
import org.iprradar.detect.rules.RuleBook;

/**
 * What operators do to rules and brands: list them as the rule book holds them, and validate,
 * version and publish their changes with who made them. A change reaches the rule book through the
 * rule feed like any other record of the topics, so the list shows it a moment after the answer.
 */
public final class OperatorService {

  private final RuleBook book;
  private final ConfigValidator validator;
  private final OperatorLog log;
  private final Clock clock;

  public OperatorService(RuleBook book, OperatorLog log, Clock clock) {
    this.book = book;
    this.validator = new ConfigValidator(book);
    this.log = log;
    this.clock = clock;
  }

  public ConfigValidator validator() {
    return validator;
  }

  public List<Rule> rules() {
    return book.rulesAsWritten();
  }

  public Optional<Rule> rule(String id) {
    return rules().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public List<Brand> brands() {
    return book.brandsAsWritten();
  }

  public Optional<Brand> brand(String id) {
    return brands().stream().filter(b -> b.brandId().equals(id)).findFirst();
  }

  /**
   * Creates or replaces a rule.
   *
   * @throws InvalidConfigException with every problem of the draft; nothing is written then
   */
  public Rule saveRule(String id, JsonNode draft, String actor) {
    Optional<Rule> before = rule(id);
    int version = nextVersion(ConfigChange.RULE, id, before.map(Rule::version).orElse(0));
    Rule rule = validator.rule(draft, id, version);
    String action =
        before.isEmpty()
            ? "CREATE"
            : before.get().enabled() != rule.enabled()
                ? (rule.enabled() ? "ENABLE" : "DISABLE")
                : "UPDATE";
    publish(ConfigChange.RULE, id, version, action, actor, before.orElse(null), rule);
    return rule;
  }

  /** Switches a rule on or off, keeping everything else. */
  public Optional<Rule> setEnabled(String id, boolean enabled, String actor) {
    return rule(id)
        .map(
            r -> {
              int version = nextVersion(ConfigChange.RULE, id, r.version());
              var changed =
                  new Rule(
                      r.id(),
                      version,
                      r.query(),
                      r.infringementType(),
                      r.category(),
                      r.weight(),
                      r.bureauHint(),
                      enabled,
                      r.description());
              publish(
                  ConfigChange.RULE,
                  id,
                  version,
                  enabled ? "ENABLE" : "DISABLE",
                  actor,
                  r,
                  changed);
              return changed;
            });
  }

  /**
   * @return whether there was such a rule to delete
   */
  public boolean deleteRule(String id, String actor) {
    Optional<Rule> before = rule(id);
    before.ifPresent(r -> publish(ConfigChange.RULE, id, r.version(), "DELETE", actor, r, null));
    return before.isPresent();
  }

  /**
   * @throws InvalidConfigException with every problem of the draft
   */
  public Brand saveBrand(String id, JsonNode draft, String actor) {
    Optional<Brand> before = brand(id);
    int version = nextVersion(ConfigChange.BRAND, id, before.map(Brand::version).orElse(0));
    Brand brand = validator.brand(draft, id, version);
    publish(
        ConfigChange.BRAND,
        id,
        version,
        before.isEmpty() ? "CREATE" : "UPDATE",
        actor,
        before.orElse(null),
        brand);
    return brand;
  }

  public boolean deleteBrand(String id, String actor) {
    Optional<Brand> before = brand(id);
    before.ifPresent(b -> publish(ConfigChange.BRAND, id, b.version(), "DELETE", actor, b, null));
    return before.isPresent();
  }

  public List<ConfigChange> history(String kind, String id) {
    return log.history(kind, id);
  }

  /**
   * Validates every rule and brand of an import first and writes only when all are valid, so that a
   * file with one typo changes nothing; entries equal to what is in force are left alone.
   *
   * @throws InvalidConfigException with the problems of every entry
   */
  public ImportSummary importAll(List<JsonNode> rules, List<JsonNode> brands, String actor) {
    var problems = new ArrayList<Problem>();
    var seen = new LinkedHashSet<String>();
    for (JsonNode node : rules) {
      try {
        Rule r = validator.rule(node, null, 1);
        if (!seen.add("rule:" + r.id())) {
          problems.add(Problem.of(r.id(), "id", "is in the file twice"));
        }
      } catch (InvalidConfigException e) {
        problems.addAll(e.problems());
      }
    }
    for (JsonNode node : brands) {
      try {
        Brand b = validator.brand(node, null, 1);
        if (!seen.add("brand:" + b.brandId())) {
          problems.add(Problem.of(b.brandId(), "brandId", "is in the file twice"));
        }
      } catch (InvalidConfigException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    var created = new TreeSet<String>();
    var updated = new TreeSet<String>();
    var unchanged = new TreeSet<String>();
    for (JsonNode node : rules) {
      String id = node.get("id").asText();
      Optional<Rule> before = rule(id);
      Rule draft = validator.rule(node, id, before.map(Rule::version).orElse(1));
      if (before.isPresent() && sameExceptVersion(before.get(), draft)) {
        unchanged.add("rule:" + id);
        continue;
      }
      int version = nextVersion(ConfigChange.RULE, id, before.map(Rule::version).orElse(0));
      Rule rule = validator.rule(node, id, version);
      publish(ConfigChange.RULE, id, version, "IMPORT", actor, before.orElse(null), rule);
      (before.isPresent() ? updated : created).add("rule:" + id);
    }
    for (JsonNode node : brands) {
      String id = node.get("brandId").asText();
      Optional<Brand> before = brand(id);
      Brand draft = validator.brand(node, id, before.map(Brand::version).orElse(1));
      if (before.isPresent() && sameExceptVersion(before.get(), draft)) {
        unchanged.add("brand:" + id);
        continue;
      }
      int version = nextVersion(ConfigChange.BRAND, id, before.map(Brand::version).orElse(0));
      Brand brand = validator.brand(node, id, version);
      publish(ConfigChange.BRAND, id, version, "IMPORT", actor, before.orElse(null), brand);
      (before.isPresent() ? updated : created).add("brand:" + id);
    }
    return new ImportSummary(List.copyOf(created), List.copyOf(updated), List.copyOf(unchanged));
  }

  /**
   * One more than both the version in force and the last version in the history, so that a rule
   * deleted and created again does not reuse the versions its signals once reported.
   */
  private int nextVersion(String kind, String id, int current) {
    int last = current;
    for (ConfigChange change : log.history(kind, id)) {
      last = Math.max(last, change.version());
    }
    return last + 1;
  }

  private void publish(
      String kind,
      String id,
      int version,
      String action,
      String actor,
      Object before,
      Object after) {
    JsonNode beforeNode = before == null ? null : Json.mapper().valueToTree(before);
    JsonNode afterNode = after == null ? null : Json.mapper().valueToTree(after);
    var change =
        new ConfigChange(
            kind,
            id,
            version,
            action,
            actor,
            clock.instant(),
            beforeNode,
            afterNode,
            changedFields(beforeNode, afterNode));
    log.publish(change, after);
  }

  private static boolean sameExceptVersion(Object current, Object draft) {
    return changedFields(Json.mapper().valueToTree(current), Json.mapper().valueToTree(draft))
        .isEmpty();
  }

  /** The fields that differ, the version aside (it changes with every change). */
  static List<String> changedFields(JsonNode before, JsonNode after) {
    var fields = new TreeSet<String>();
    for (JsonNode node : new JsonNode[] {before, after}) {
      if (node instanceof ObjectNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
          fields.add(it.next());
        }
      }
    }
    fields.remove("version");
    var changed = new ArrayList<String>();
    for (String field : fields) {
      JsonNode a = before == null ? null : before.get(field);
      JsonNode b = after == null ? null : after.get(field);
      if (!(a == null ? b == null || b.isNull() : a.equals(b) || (a.isNull() && b == null))) {
        changed.add(field);
      }
    }
    return changed;
  }
}
