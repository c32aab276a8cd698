package org.iprradar.alerts.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iprradar.alerts.RoutingTables;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.Test;

/**
 * A table with problems is refused with every one of them, each at its path and with its reason.
 */
class RoutingTableValidationTest {

  private static Map<String, String> problems(ObjectNode table) {
    var error = assertThrows(InvalidRoutingException.class, () -> RoutingTableLoader.read(table));
    return error.problems().stream()
        .collect(
            Collectors.toMap(
                RoutingProblem::path, RoutingProblem::reason, (a, b) -> a + " | " + b));
  }

  @Test
  void shouldListEveryProblemOfATableWithItsPathAndReason() {
    ObjectNode table = RoutingTables.nantong();
    table.put("cityCode", "3206");
    var bureaus = (ArrayNode) table.get("bureaus");
    bureaus.addObject().put("id", "COPYRIGHT").put("name", "版权局 (again)");
    var routes = (ArrayNode) table.get("routes");
    ((ObjectNode) routes.get(1)).put("type", "COUNTERFEIT_TRADMARK"); // misspelt type
    ((ObjectNode) routes.get(2)).put("bureau", "FISHERIES"); // not in the directory
    ((ObjectNode) routes.get(3)).put("bureua", "HEALTH"); // misspelt field
    ((ObjectNode) routes.get(4)).remove("bureau");
    ((ObjectNode) table.get("escalation")).put("supervisedSales", -1);
    ((ObjectNode) table.get("escalation")).put("customsBurea", "CUSTOMS");

    Map<String, String> problems = problems(table);

    assertEquals(
        List.of(
                "bureaus[9].id",
                "cityCode",
                "escalation.customsBurea",
                "escalation.supervisedSales",
                "routes[1].type",
                "routes[2].bureau",
                "routes[3].bureua",
                "routes[4]")
            .stream()
            .sorted()
            .toList(),
        problems.keySet().stream().sorted().toList(),
        problems.toString());
    assertTrue(problems.get("cityCode").contains("'3206'"), problems.get("cityCode"));
    assertEquals("bureau COPYRIGHT is listed twice", problems.get("bureaus[9].id"));
    assertTrue(
        problems.get("routes[1].type").contains("COUNTERFEIT_TRADMARK"),
        problems.get("routes[1].type"));
    assertEquals("'FISHERIES' is not in the bureau directory", problems.get("routes[2].bureau"));
    assertTrue(
        problems.get("routes[3].bureua").startsWith("unknown field"),
        problems.get("routes[3].bureua"));
    assertEquals("missing bureau", problems.get("routes[4]"));
    assertEquals("must be positive, was -1", problems.get("escalation.supervisedSales"));
    assertTrue(
        problems.get("escalation.customsBurea").startsWith("unknown field"),
        problems.get("escalation.customsBurea"));
  }

  @Test
  void shouldListEveryEscalationProblemOfAnOtherwiseReadableSection() {
    ObjectNode table = RoutingTables.nantong();
    var escalation = (ObjectNode) table.get("escalation");
    escalation.put("supervisedSales", -1);
    escalation.put("supervisedNetworkCities", 1);
    escalation.put("policeBureau", "POLICE");

    Map<String, String> problems = problems(table);

    assertEquals("must be positive, was -1", problems.get("escalation.supervisedSales"));
    assertTrue(
        problems.get("escalation.supervisedNetworkCities").startsWith("must be at least 2"),
        problems.get("escalation.supervisedNetworkCities"));
    // Checked against the directory only once the section reads; here it did not.
    assertEquals(2, problems.size(), problems.toString());
  }

  @Test
  void shouldRefuseABureauIdThatCannotNameItsWebhookVariables() {
    ObjectNode table = RoutingTables.nantong();
    ((ArrayNode) table.get("bureaus")).addObject().put("id", "fisheries bureau");

    Map<String, String> problems = problems(table);

    assertEquals(
        Map.of(
            "bureaus[9].id",
            "must be upper-case letters, digits and underscores, was 'fisheries bureau'"),
        problems);
  }

  @Test
  void shouldRefuseTwoRoutesForTheSameTypeAndCategory() {
    ObjectNode table = RoutingTables.nantong();
    ((ArrayNode) table.get("routes"))
        .addObject()
        .put("type", "PATENT")
        .put("category", "plants")
        .put("bureau", "AGRICULTURE");

    Map<String, String> problems = problems(table);

    assertEquals(1, problems.size(), problems.toString());
    String reason = problems.values().iterator().next();
    assertTrue(reason.contains("already routes PATENT in category plants"), reason);
  }

  @Test
  void shouldReadBackTheTableItShowsSoThatAnOperatorCanEditWhatTheApiAnswers() throws IOException {
    RoutingTable shipped = RoutingTableLoader.load("classpath:config/routing.yaml");

    // As GET answers it and an operator sends it back with PUT.
    var shown = Json.mapper().readTree(Json.mapper().writeValueAsBytes(shipped));
    RoutingTable readBack = RoutingTableLoader.read(shown);

    assertEquals(shipped, readBack);
  }
}
