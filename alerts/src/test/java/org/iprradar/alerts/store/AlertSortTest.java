package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.Test;

class AlertSortTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private final AlertFolder folder =
      new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));

  AlertSortTest() throws IOException {}

  private Alert alert(String seller, double score, Instant created, Instant updated) {
    var type = InfringementType.COUNTERFEIT_TRADEMARK;
    Alert first =
        folder.fold(Leads.lead("l-" + seller, seller, "320602", type, null, score, created), null);
    return updated.equals(created)
        ? first
        : folder.fold(
            Leads.lead("l-" + seller, seller, "320602", type, null, score, updated), first);
  }

  private static List<String> sellers(List<Alert> alerts, AlertSort sort) {
    var sorted = new ArrayList<>(alerts);
    sorted.sort(sort.order());
    return sorted.stream().map(Alert::sellerId).toList();
  }

  @Test
  void shouldOrderByScoreThenUpdateThenIdAndByTimesNewestFirst() {
    var alerts =
        List.of(
            alert("a", 70, T0, T0.plusSeconds(30)), // created first, updated last
            alert("b", 90, T0.plusSeconds(10), T0.plusSeconds(10)), // the highest score
            alert("d", 70, T0.plusSeconds(20), T0.plusSeconds(20)), // ties c on every time
            alert("c", 70, T0.plusSeconds(20), T0.plusSeconds(20)));

    assertEquals(List.of("b", "a", "c", "d"), sellers(alerts, AlertSort.SCORE));
    assertEquals(List.of("a", "c", "d", "b"), sellers(alerts, AlertSort.UPDATED));
    assertEquals(List.of("c", "d", "b", "a"), sellers(alerts, AlertSort.CREATED));
  }

  @Test
  void shouldParseAnyCaseAndNameTheChoicesOtherwise() {
    assertEquals(AlertSort.UPDATED, AlertSort.parse(" Updated "));
    var e = assertThrows(IllegalArgumentException.class, () -> AlertSort.parse("best"));
    assertTrue(e.getMessage().contains("[score, updated, created]"), e.getMessage());
  }
}
