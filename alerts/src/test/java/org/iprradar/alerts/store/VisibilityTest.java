package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.Test;

class VisibilityTest {

  private static final String POLICE = "PUBLIC_SECURITY";

  private final Alert chongchuan;

  VisibilityTest() throws IOException {
    var folder =
        new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    chongchuan =
        folder.fold(
            Leads.lead(
                "l1",
                "Shop-1",
                "320602",
                InfringementType.COUNTERFEIT_TRADEMARK,
                "footwear",
                72,
                Instant.EPOCH),
            null);
  }

  @Test
  void anAnalystSeesTheAlertsOfTheirBureauAndOnlyTheirDistrictWhenTheyHaveOne() {
    assertEquals("MARKET_SUPERVISION", chongchuan.bureau().id());
    assertTrue(new Visibility("MARKET_SUPERVISION", null, POLICE).sees(chongchuan));
    assertTrue(new Visibility("MARKET_SUPERVISION", "320602", POLICE).sees(chongchuan));
    assertFalse(new Visibility("MARKET_SUPERVISION", "320612", POLICE).sees(chongchuan));
    assertFalse(new Visibility("COPYRIGHT", null, POLICE).sees(chongchuan));
    assertFalse(new Visibility(null, null, POLICE).sees(chongchuan), "no bureau, nothing");
  }

  @Test
  void aPoliceReferralIsVisibleToThePoliceAndStillToTheReferringBureau() {
    var police = new Visibility(POLICE, null, POLICE);
    assertFalse(police.sees(chongchuan), "not referred");
    Alert referred =
        chongchuan.withEscalation(
            List.of(POLICE), null, 0, new Escalation(true, false, List.of("units sold")));
    assertTrue(police.sees(referred));
    assertTrue(new Visibility("MARKET_SUPERVISION", null, POLICE).sees(referred));
    // A co-recipient that is not the police bureau does not see a referral through it.
    Alert copied =
        chongchuan.withEscalation(
            List.of(POLICE, "CUSTOMS"), null, 0, new Escalation(true, false, List.of("x")));
    assertFalse(new Visibility("CUSTOMS", null, POLICE).sees(copied));
  }

  @Test
  void theVisibilityTravelsWithAPeerQuerySoEveryInstanceAppliesIt() throws JsonProcessingException {
    var query =
        new PeerQuery(
            AlertFilter.ALL.within(new Visibility("COPYRIGHT", "320612", POLICE)),
            AlertSort.SCORE,
            10);
    var read = Json.mapper().readValue(Json.mapper().writeValueAsString(query), PeerQuery.class);
    assertEquals(query, read);
    assertFalse(read.filter().test(chongchuan));
  }
}
