package org.iprradar.ingest.validate;

import java.util.Map;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Rule;

/**
 * Checks a rule's structure: required fields and ranges. The query's syntax is detect's to judge
 * (it compiles the rule when it reads the rules topic), so ingest does not depend on Lucene.
 */
public final class RuleValidator implements RecordValidator<Rule> {

  public static final String RULE_ID = "id";
  private static final int MAX_QUERY = 4_000;

  @Override
  public Verdict<Rule> validate(RawRecord record, Map<String, String> pathParameters) {
    Verdict<Rule> notObject = RecordValidator.notAnObject(record, "rule");
    if (notObject != null) {
      return notObject;
    }
    var fields = new Fields(record.json());
    String id = RecordValidator.fromPath(fields, RULE_ID, pathParameters.get(RULE_ID));
    Long version = fields.nonNegativeLong("version");
    if (version != null && version > Integer.MAX_VALUE) {
      fields.error("version", "must be at most " + Integer.MAX_VALUE + ", was " + version);
    }
    String query = fields.text("query", true, MAX_QUERY);
    InfringementType type = fields.oneOf("infringementType", true, InfringementType.class);
    if (type == InfringementType.NONE) {
      fields.error("infringementType", "must name an infringement, not NONE");
    }
    String category = fields.text("category", false, 200);
    Double weight = fields.number("weight", true, 0, 100);
    String bureauHint = fields.identifier("bureauHint", false);
    Boolean enabled = fields.bool("enabled");
    String description = fields.text("description", false, 2_000);
    if (!fields.errors().isEmpty()) {
      return Verdict.rejected(record, fields.errors());
    }
    var rule =
        new Rule(
            id,
            version == null ? 1 : version.intValue(),
            query,
            type,
            category,
            weight,
            bureauHint,
            enabled == null || enabled,
            description);
    return Verdict.accepted(record, id, rule, fields.normalised());
  }
}
