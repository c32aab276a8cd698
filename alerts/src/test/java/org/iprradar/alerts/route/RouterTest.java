package org.iprradar.alerts.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.iprradar.alerts.Leads;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterTest {

  private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

  private final Router router;

  RouterTest() throws IOException {
    router = new Router(RoutingTableLoader.load("classpath:config/routing.yaml"));
  }

  private Routing route(InfringementType type, String category, String region) {
    return router.route(Leads.lead("l1", "s1", region, type, category, 80, AT));
  }

  @Test
  void shouldRouteEachInfringementTypeToItsBureauInTheDefaultNantongTable() {
    assertEquals(
        "MARKET_SUPERVISION",
        route(InfringementType.COUNTERFEIT_TRADEMARK, "luxury_bags", "320602").bureau().id());
    assertEquals(
        "COPYRIGHT", route(InfringementType.PIRACY_COPYRIGHT, "books", "320602").bureau().id());
    var agri = route(InfringementType.SUBSTANDARD_AGRI_INPUT, "agri_seeds", "320623");
    assertEquals("AGRICULTURE", agri.bureau().id());
    assertEquals("农业农村局", agri.bureau().name());
    assertEquals(List.of("MARKET_SUPERVISION"), agri.coRecipients());
  }

  @Test
  void shouldPreferARouteForTheCategoryOverOneForTheTypeAlone() {
    assertEquals(
        "AGRICULTURE", route(InfringementType.PATENT, "agri_seeds", "320602").bureau().id());
    assertEquals(
        "MARKET_SUPERVISION",
        route(InfringementType.PATENT, "electronics", "320602").bureau().id());
  }

  @Test
  void shouldSendBannedPesticidesToAgricultureWithThePolice() {
    var routing = route(InfringementType.PROHIBITED, "agri_pesticide", "320623");

    assertEquals("AGRICULTURE", routing.bureau().id());
    assertEquals(List.of("PUBLIC_SECURITY"), routing.coRecipients());
    assertEquals(
        "MARKET_SUPERVISION", route(InfringementType.PROHIBITED, "other", "320623").bureau().id());
  }

  @Test
  void shouldNameTheDistrictOfALocalSeller() {
    var routing = route(InfringementType.COUNTERFEIT_TRADEMARK, null, "320612");

    assertEquals("320612", routing.jurisdiction());
    assertEquals("通州区", routing.jurisdictionName());
    assertFalse(routing.crossRegion());
  }

  @Test
  void shouldMakeASellerOutsideTheCityACrossRegionNotification() {
    var routing = route(InfringementType.COUNTERFEIT_TRADEMARK, null, "440304");

    assertTrue(routing.crossRegion());
    assertEquals("440304", routing.jurisdiction());
  }

  @Test
  void shouldTreatAnUnknownRegionAsTheCity() {
    var routing = route(InfringementType.COUNTERFEIT_TRADEMARK, null, null);

    assertFalse(routing.crossRegion());
    assertEquals("320600", routing.jurisdiction());
    assertEquals("南通市", routing.jurisdictionName());
  }

  @Test
  void shouldRefuseATableThatRoutesToAnUnknownBureau(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("routing.yaml");
    Files.writeString(
        file,
        """
        cityCode: "320600"
        cityName: 南通市
        bureaus: [{id: MARKET_SUPERVISION, name: 市场监督管理局}]
        routes: [{type: PIRACY_COPYRIGHT, bureau: COPYRIGHT}]
        defaultBureau: MARKET_SUPERVISION
        """);

    var error = assertThrows(IOException.class, () -> RoutingTableLoader.load(file.toString()));

    assertTrue(
        error.getMessage().contains("routes[0].bureau: 'COPYRIGHT' is not in the bureau directory"),
        error.getMessage());
  }
}
