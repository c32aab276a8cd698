package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.alerts.triage.Triage;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.TriageAction;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

  private final AlertFolder folder;
  private final Alert alert;

  AlertFilterTest() throws IOException {
    folder = new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    alert =
        folder.fold(
            Leads.lead(
                "l1",
                "Shop-77",
                "320612",
                InfringementType.COUNTERFEIT_TRADEMARK,
                "footwear",
                72,
                Instant.EPOCH),
            null);
  }

  private static AlertFilter filter(String bureau, String region, Double minScore, String text) {
    return new AlertFilter(bureau, region, null, null, minScore, text, null, null);
  }

  @Test
  void shouldMatchTheCityCodeForEveryDistrictButNotAnotherCity() {
    assertTrue(filter(null, "320600", null, null).test(alert));
    assertTrue(filter(null, "320612", null, null).test(alert));
    assertTrue(filter(null, "320000", null, null).test(alert));
    assertFalse(filter(null, "320602", null, null).test(alert));
    assertFalse(filter(null, "310000", null, null).test(alert));
  }

  @Test
  void shouldFilterByBureauScoreAndText() {
    assertTrue(filter("MARKET_SUPERVISION", null, 70.0, "shop-77").test(alert));
    assertFalse(filter("COPYRIGHT", null, null, null).test(alert));
    assertFalse(filter(null, null, 80.0, null).test(alert));
    assertTrue(filter(null, null, null, "TITLE OF").test(alert));
    assertFalse(filter(null, null, null, "absent").test(alert));
  }

  @Test
  void shouldFilterReferralsAndSupervisedCasesOnlyWhenAskedFor() {
    Alert referred =
        folder.fold(
            Leads.sold(
                "d1",
                "s2",
                InfringementType.COUNTERFEIT_DRUG_OR_FOOD,
                "drugs",
                "5",
                1,
                false,
                Instant.EPOCH),
            null);
    // policeReferral, supervisedCase filters → matches the plain alert, matches the referred one
    Object[][] table = {
      {null, null, true, true},
      {false, false, true, true},
      {true, null, false, true},
      {null, true, false, false},
    };
    for (Object[] row : table) {
      var filter =
          new AlertFilter(null, null, null, null, null, null, (Boolean) row[0], (Boolean) row[1]);
      assertEquals(row[2], filter.test(alert), () -> "plain alert, " + filter);
      assertEquals(row[3], filter.test(referred), () -> "referred alert, " + filter);
    }
  }

  @Test
  void shouldFilterByCategoryAndCurrentAssignee() {
    Alert assigned =
        Triage.apply(
            alert,
            new TriageAction(
                alert.id(),
                TriageActionType.ASSIGN,
                "lead-1",
                Instant.EPOCH,
                null,
                "zhang.min",
                null,
                null));
    var byCategory =
        new AlertFilter(null, null, null, null, null, null, null, null, "footwear", null, null);
    var otherCategory =
        new AlertFilter(null, null, null, null, null, null, null, null, "foot", null, null);
    var byAssignee =
        new AlertFilter(null, null, null, null, null, null, null, null, null, "zhang.min", null);
    var unassigned =
        new AlertFilter(null, null, null, null, null, null, null, null, null, null, true);
    var anyAssignment =
        new AlertFilter(null, null, null, null, null, null, null, null, null, null, false);

    assertTrue(byCategory.test(alert));
    assertFalse(otherCategory.test(alert), "the category must match exactly");
    assertFalse(byAssignee.test(alert));
    assertTrue(byAssignee.test(assigned));
    assertTrue(unassigned.test(alert));
    assertFalse(unassigned.test(assigned));
    assertTrue(anyAssignment.test(alert) && anyAssignment.test(assigned));
  }
}
