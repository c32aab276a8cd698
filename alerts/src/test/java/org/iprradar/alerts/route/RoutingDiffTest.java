package org.iprradar.alerts.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.iprradar.alerts.RoutingTables;
import org.junit.jupiter.api.Test;

class RoutingDiffTest {

  @Test
  void shouldNameEachChangedValueAndNothingElse() {
    RoutingTable before = RoutingTableLoader.read(RoutingTables.nantong());
    ObjectNode edited = RoutingTables.routingTypeTo("PIRACY_COPYRIGHT", "MARKET_SUPERVISION");
    ((ObjectNode) edited.get("escalation")).put("supervisedListings", 10);
    ((ArrayNode) edited.get("bureaus")).addObject().put("id", "FISHERIES").put("name", "渔业局");

    List<String> changes = RoutingDiff.between(before, RoutingTableLoader.read(edited));

    assertEquals(
        List.of(
            "bureaus[9] added: {\"id\":\"FISHERIES\",\"name\":\"渔业局\",\"nameEn\":\"FISHERIES\"}",
            "routes[1].bureau: \"COPYRIGHT\" -> \"MARKET_SUPERVISION\"",
            "escalation.supervisedListings: 20 -> 10"),
        changes);
  }

  @Test
  void shouldSeeNoChangeWhereADefaultIsWrittenOutOrLeftOut() {
    ObjectNode withoutDefaults = RoutingTables.nantong();
    withoutDefaults.remove("escalation");
    ObjectNode spelledOut = RoutingTables.nantong();

    assertEquals(
        List.of(),
        RoutingDiff.between(
            RoutingTableLoader.read(withoutDefaults), RoutingTableLoader.read(spelledOut)));
  }
}
