package org.iprradar.alerts.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.Map;
import org.iprradar.alerts.RoutingTables;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.junit.jupiter.api.Test;

class EndpointsInForceTest {

  @Test
  void shouldDeliverToABureauAddedAtRunTimeAndNoLongerToOneRemoved() throws IOException {
    var book =
        new RoutingBook(
            RoutingInForce.startUp(
                RoutingTableLoader.load("classpath:config/routing.yaml"), "routing.yaml"));
    Map<String, String> env =
        Map.of(
            "IPR_WEBHOOK_FISHERIES_URL", "https://fisheries.example/hook",
            "IPR_WEBHOOK_FISHERIES_SECRET", "s1",
            "IPR_WEBHOOK_TAX_URL", "https://tax.example/hook",
            "IPR_WEBHOOK_TAX_SECRET", "s2");
    var endpoints = new EndpointsInForce(book, env::get);
    assertTrue(endpoints.get().of("FISHERIES").isEmpty());
    assertTrue(endpoints.get().of("TAX").isPresent());

    var table = RoutingTables.nantong();
    var bureaus = (ArrayNode) table.get("bureaus");
    bureaus.addObject().put("id", "FISHERIES").put("name", "渔业局");
    for (int i = 0; i < bureaus.size(); i++) {
      if (bureaus.get(i).get("id").asText().equals("TAX")) {
        bureaus.remove(i);
        break;
      }
    }
    assertTrue(book.apply(RoutingTables.change(1, table)).isEmpty());

    assertEquals(
        "https://fisheries.example/hook", endpoints.get().of("FISHERIES").get().url().toString());
    assertTrue(endpoints.get().of("TAX").isEmpty());
  }
}
