package org.iprradar.detect.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.InfringementType;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.Test;

/** What an operator is told about a rule or brand that cannot be saved. */
class ConfigValidatorTest {

  private final ConfigValidator validator = new ConfigValidator(Fixtures.ruleBook());

  /** JSON written with single quotes, to keep the Chinese queries readable. */
  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Problem> problems(Runnable action) {
    try {
      action.run();
    } catch (InvalidConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the draft to be refused");
  }

  private static Set<String> fields(List<Problem> problems) {
    return problems.stream().map(Problem::field).collect(Collectors.toSet());
  }

  private static Problem only(List<Problem> problems, String field) {
    var found = problems.stream().filter(p -> p.field().equals(field)).toList();
    assertEquals(1, found.size(), () -> "one problem of " + field + " in " + problems);
    return found.get(0);
  }

  @Test
  void everyProblemOfARuleIsReportedAtOnce() {
    var problems =
        problems(
            () ->
                validator.rule(
                    json("{'id':'r1','query':'高仿','wieght':50,'weight':150,'enabld':true}"),
                    "r1",
                    1));

    assertEquals(Set.of("wieght", "enabld", "infringementType", "weight"), fields(problems));
    String weight = only(problems, "weight").message();
    assertTrue(weight.contains("0..100") && weight.contains("150"), weight);
    String typo = only(problems, "wieght").message();
    assertTrue(typo.contains("unknown field") && typo.contains("weight"), typo);
  }

  @Test
  void aQueryThatDoesNotParseIsReportedWithItsColumn() {
    String query = "高仿 OR (精仿 AND";
    var problems =
        problems(
            () ->
                validator.rule(
                    json(
                        "{'id':'r1','query':'"
                            + query
                            + "','infringementType':'COUNTERFEIT_TRADEMARK','weight':40}"),
                    "r1",
                    1));

    Problem problem = only(problems, "query");
    assertEquals(1, problems.size(), problems::toString);
    assertNotNull(problem.column(), problem::toString);
    // The query ends unfinished after AND: the parser gives up at its end, not at its start.
    assertTrue(problem.column() > 8, problem::toString);
  }

  @Test
  void anUnbalancedQuoteIsReportedWithAColumnToo() {
    var node = json("{'id':'r1','infringementType':'COUNTERFEIT_TRADEMARK','weight':40}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("query", "replica OR \"A货");
    var problems = problems(() -> validator.rule(node, "r1", 1));

    assertNotNull(only(problems, "query").column(), problems::toString);
  }

  @Test
  void theBodyMustNameTheRuleTheRequestAddresses() {
    var problems =
        problems(
            () ->
                validator.rule(
                    json(
                        "{'id':'other','query':'x','infringementType':'COUNTERFEIT_TRADEMARK','weight':40}"),
                    "r1",
                    1));

    assertTrue(only(problems, "id").message().contains("r1"), problems::toString);
  }

  @Test
  void aValidRuleIsBuiltWithTheVersionGivenNotTheOneWritten() {
    var rule =
        validator.rule(
            json(
                "{'id':'r1','version':99,'query':'高仿','infringementType':'counterfeit_trademark','weight':40}"),
            "r1",
            7);

    assertEquals(7, rule.version());
    assertTrue(rule.enabled());
    assertEquals(InfringementType.COUNTERFEIT_TRADEMARK, rule.infringementType());
  }

  @Test
  void aBrandWithoutNamesAndWithAnInvertedPriceBandIsRefused() {
    var problems =
        problems(
            () ->
                validator.brand(
                    json(
                        "{'brandId':'b1','names':[],'referencePriceMin':900,'referencePriceMax':100,'colour':'red'}"),
                    "b1",
                    1));

    assertEquals(Set.of("names", "referencePriceMin", "colour"), fields(problems));
  }
}
