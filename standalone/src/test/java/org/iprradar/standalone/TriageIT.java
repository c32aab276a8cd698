package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triage workflow over HTTP against a real in-process broker: actions are written to Kafka and
 * show up on the alert as its status and history.
 */
class TriageIT {

  private static final String ALERT = "taobao:tb_triage_bags:COUNTERFEIT_TRADEMARK";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    app = TestSystem.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldAssignAndConfirmAnAlertAndRefuseWhatItsStatusDoesNotAllow() throws Exception {
    var listing =
        API.postJson(
            "/api/v1/listings",
            "{\"platform\":\"taobao\",\"listingId\":\"tr-1\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
                + "\"price\":399,\"sellerId\":\"tb_triage_bags\",\"sellerRegion\":\"320602\","
                + "\"category\":\"luxury_bags\"}");
    assertEquals(202, listing.statusCode(), listing.body());
    assertEquals("OPEN", API.awaitAlert(ALERT, a -> true).get("status").asText());
    String actions = ApiClient.alertPath(ALERT) + "/actions";

    var assign =
        API.postJson(
            actions, "{\"action\":\"assign\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\"}");
    assertEquals(202, assign.statusCode(), assign.body());
    assertEquals("ASSIGN", ApiClient.json(assign).get("action").get("action").asText());
    API.awaitAlert(ALERT, a -> a.get("status").asText().equals("ASSIGNED"));
    var confirm =
        API.postJson(
            actions, "{\"action\":\"CONFIRM\",\"actor\":\"zhang.min\",\"reason\":\"replica\"}");
    assertEquals(202, confirm.statusCode(), confirm.body());

    var confirmed = API.awaitAlert(ALERT, a -> a.get("status").asText().equals("CONFIRMED"));
    var history = confirmed.get("history");
    assertEquals(2, history.size(), history.toString());
    assertEquals("ASSIGN", history.get(0).get("action").asText());
    assertEquals("li.wei", history.get(0).get("actor").asText());
    assertEquals("zhang.min", history.get(0).get("assignee").asText());
    assertEquals("CONFIRM", history.get(1).get("action").asText());
    assertEquals("ASSIGNED", history.get(1).get("from").asText());
    assertEquals("replica", history.get(1).get("reason").asText());

    var dismiss =
        API.postJson(
            actions, "{\"action\":\"DISMISS\",\"actor\":\"li.wei\",\"reason\":\"changed mind\"}");
    assertEquals(409, dismiss.statusCode(), dismiss.body());
    var conflict = ApiClient.json(dismiss);
    assertEquals("CONFIRMED", conflict.get("status").asText());
    var allowed = new ArrayList<String>();
    conflict.get("allowed").forEach(a -> allowed.add(a.asText()));
    assertEquals(List.of("NOTE", "REFER", "RECORD_PENALTY", "CLOSE"), allowed);

    var noReason = API.postJson(actions, "{\"action\":\"NOTE\",\"actor\":\"li.wei\"}");
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals("reason", ApiClient.json(noReason).get("field").asText());
    var badAmount =
        API.postJson(
            actions,
            "{\"action\":\"RECORD_PENALTY\",\"actor\":\"li.wei\",\"penaltyAmount\":\"x\"}");
    assertEquals(400, badAmount.statusCode(), badAmount.body());
    assertEquals("penaltyAmount", ApiClient.json(badAmount).get("field").asText());

    var unknown =
        API.postJson(
            ApiClient.alertPath("taobao:nobody:COUNTERFEIT_TRADEMARK") + "/actions",
            "{\"action\":\"CONFIRM\",\"actor\":\"li.wei\"}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("not_found", ApiClient.json(unknown).get("error").asText());
  }
}
