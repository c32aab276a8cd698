package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.RoutingTables;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingInForce;
import org.iprradar.alerts.route.RoutingTable;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.AuditEntry;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

class RoutingPreviewTest {

  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private final RoutingTable shipped;
  private final AlertFolder folder;

  RoutingPreviewTest() throws IOException {
    shipped = RoutingTableLoader.load("classpath:config/routing.yaml");
    folder = new AlertFolder(new Router(shipped));
  }

  private Alert alert(Lead... leads) {
    Alert alert = null;
    for (Lead lead : leads) {
      alert = folder.fold(lead, alert);
    }
    return alert;
  }

  private static RoutingInForce draft(ObjectNode table) {
    return RoutingInForce.of(1, "ops-1", null, "draft", RoutingTableLoader.read(table));
  }

  private List<Alert> alerts() {
    var alerts = new ArrayList<Alert>();
    // Copyright piracy, local, 100 sold at 10 yuan: no referral.
    alerts.add(
        alert(
            Leads.sold(
                "p1", "pirate", InfringementType.PIRACY_COPYRIGHT, "books", "10", 100, false, T0)));
    // Trademark, 3,000 sold at 10 yuan: below the 50,000 referral line.
    alerts.add(
        alert(
            Leads.sold(
                "t1",
                "shoes",
                InfringementType.COUNTERFEIT_TRADEMARK,
                "footwear",
                "10",
                3000,
                false,
                T0)));
    // A patent case outside the city.
    alerts.add(
        alert(Leads.lead("x1", "far", "440304", InfringementType.PATENT, "electronics", 70, T0)));
    // Piracy too, but an analyst has confirmed it: it stays with its bureau.
    Alert confirmed =
        alert(
            Leads.sold(
                "p2", "decided", InfringementType.PIRACY_COPYRIGHT, "books", "10", 100, false, T0));
    alerts.add(
        confirmed.record(
            new AuditEntry(
                TriageActionType.CONFIRM,
                "analyst-1",
                T0.plusSeconds(60),
                null,
                null,
                null,
                null,
                AlertStatus.OPEN,
                AlertStatus.CONFIRMED,
                null)));
    return alerts;
  }

  @Test
  void shouldChangeNothingUnderTheTableInForce() {
    var preview = RoutingPreview.of(0, alerts(), RoutingInForce.of(0, "x", null, null, shipped));

    assertEquals(3, preview.openAlerts(), "the confirmed alert is not open");
    assertEquals(0, preview.changed(), preview.alerts().toString());
    assertTrue(preview.alerts().isEmpty());
  }

  @Test
  void shouldListOnlyTheOpenAlertsADraftWouldMoveWithCounts() {
    ObjectNode table = RoutingTables.routingTypeTo("PIRACY_COPYRIGHT", "MARKET_SUPERVISION");
    // And a lower referral line for trademarks, which the shoe seller's 30,000 yuan now crosses.
    ((ObjectNode) table.get("escalation").get("referralSales")).put("COUNTERFEIT_TRADEMARK", 20000);

    var preview = RoutingPreview.of(0, alerts(), draft(table));

    assertEquals(3, preview.openAlerts());
    assertEquals(2, preview.changed());
    assertEquals(
        List.of("taobao:pirate:PIRACY_COPYRIGHT", "taobao:shoes:COUNTERFEIT_TRADEMARK"),
        preview.alerts().stream().map(PreviewedAlert::id).sorted().toList());
    var pirate =
        preview.alerts().stream()
            .filter(a -> a.id().startsWith("taobao:pirate"))
            .findFirst()
            .orElseThrow();
    assertEquals("COPYRIGHT", pirate.current().bureau());
    assertEquals("MARKET_SUPERVISION", pirate.draft().bureau());
    assertEquals(List.of("bureau"), pirate.changes());
    var shoes =
        preview.alerts().stream()
            .filter(a -> a.id().startsWith("taobao:shoes"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("coRecipients", "policeReferral"), shoes.changes());
    assertTrue(shoes.draft().coRecipients().contains("PUBLIC_SECURITY"));
    assertEquals(Map.of("bureau", 1, "coRecipients", 1, "policeReferral", 1), preview.counts());
    assertEquals(Map.of("COPYRIGHT -> MARKET_SUPERVISION", 1), preview.moves());
  }

  @Test
  void shouldShowASellerOfANewDistrictAsLocalWhenTheDraftCoversItsCity() {
    ObjectNode table = RoutingTables.nantong();
    table.put("cityCode", "440300").put("cityName", "深圳市");

    var preview = RoutingPreview.of(0, alerts(), draft(table));

    var far =
        preview.alerts().stream()
            .filter(a -> a.id().startsWith("taobao:far"))
            .findFirst()
            .orElseThrow();
    assertTrue(far.current().crossRegion());
    assertFalse(far.draft().crossRegion());
    assertTrue(far.changes().contains("crossRegion"), far.changes().toString());
  }
}
