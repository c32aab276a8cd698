package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that retries an action with the same request id gets it applied once, before and after a
 * restart of the whole system, and is told when it reuses an id for another request.
 */
class IdempotentActionsIT {

  private static final String ALERT = "taobao:tb_idem_bags:COUNTERFEIT_TRADEMARK";
  private static final String ACTIONS = ApiClient.alertPath(ALERT) + "/actions";
  private static final String ASSIGN =
      "{\"action\":\"ASSIGN\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\","
          + "\"requestId\":\"ui-7f3a\"}";

  @TempDir Path dataDir;

  private Standalone app;
  private final ApiClient api = new ApiClient(() -> app.url());

  private Standalone start() {
    return TestSystem.start(dataDir);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static long entriesOf(JsonNode alert, String requestId) {
    long n = 0;
    for (JsonNode entry : alert.get("history")) {
      n += requestId.equals(entry.path("requestId").asText()) ? 1 : 0;
    }
    return n;
  }

  /** Posts the action, again while the restarted store is not ready (503), as a client would. */
  private HttpResponse<String> postOnceReady(String body) {
    var answer = new ArrayList<HttpResponse<String>>(1);
    await()
        .atMost(ApiClient.PIPELINE)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              answer.clear();
              answer.add(api.postJson(ACTIONS, body));
              return answer.get(0).statusCode() != 503;
            });
    return answer.get(0);
  }

  @Test
  void shouldApplyARepeatedRequestOnceAndAnswerItAsTheFirstAlsoAfterARestart() throws Exception {
    app = start();
    assertEquals(202, api.postBagListing("idem-1", "tb_idem_bags").statusCode());
    api.awaitAlert(ALERT);

    var first = api.postJson(ACTIONS, ASSIGN);
    assertEquals(202, first.statusCode(), first.body());
    var firstAction = ApiClient.json(first).get("action");
    assertEquals("ui-7f3a", firstAction.get("requestId").asText());
    api.awaitAlert(ALERT, a -> a.get("history").size() == 1);

    // The client did not see the 202 and retries: same answer, and ASSIGNED does not refuse it.
    var repeat = api.postJson(ACTIONS, ASSIGN);
    assertEquals(202, repeat.statusCode(), repeat.body());
    assertEquals(firstAction, ApiClient.json(repeat).get("action"));

    // The same id in the header instead of the body is the same request.
    var byHeader =
        api.send(
            "POST",
            ACTIONS,
            "application/json",
            "{\"action\":\"ASSIGN\",\"actor\":\"li.wei\",\"assignee\":\"zhang.min\"}",
            "Idempotency-Key",
            "ui-7f3a");
    assertEquals(202, byHeader.statusCode(), byHeader.body());
    assertEquals(firstAction, ApiClient.json(byHeader).get("action"));

    var reused =
        api.postJson(
            ACTIONS,
            "{\"action\":\"ASSIGN\",\"actor\":\"li.wei\",\"assignee\":\"wang.fang\","
                + "\"requestId\":\"ui-7f3a\"}");
    assertEquals(422, reused.statusCode(), reused.body());
    assertEquals("request_id_reused", ApiClient.json(reused).get("error").asText());
    assertTrue(ApiClient.json(reused).get("message").asText().contains("ui-7f3a"));

    // A retry straight after the first, likely before the store shows it.
    String note =
        "{\"action\":\"NOTE\",\"actor\":\"zhang.min\",\"reason\":\"called the shop\","
            + "\"requestId\":\"ui-8b01\"}";
    var firstNote = api.postJson(ACTIONS, note);
    assertEquals(202, firstNote.statusCode(), firstNote.body());
    var repeatNote = api.postJson(ACTIONS, note);
    assertEquals(202, repeatNote.statusCode(), repeatNote.body());
    assertEquals(
        ApiClient.json(firstNote).get("action"),
        ApiClient.json(repeatNote).get("action"),
        "answered as the first even before the store shows it");
    var marker =
        api.postJson(
            ACTIONS,
            "{\"action\":\"NOTE\",\"actor\":\"zhang.min\",\"reason\":\"marker\","
                + "\"requestId\":\"ui-8b02\"}");
    assertEquals(202, marker.statusCode(), marker.body());
    // Same partition, so once the later marker is folded, both notes before it have been.
    var noted = api.awaitAlert(ALERT, a -> entriesOf(a, "ui-8b02") == 1);
    assertEquals(1, entriesOf(noted, "ui-8b01"), noted.get("history").toString());
    assertEquals(3, noted.get("history").size(), noted.get("history").toString());

    app.close();
    app = start();

    var afterRestart = postOnceReady(ASSIGN);
    assertEquals(202, afterRestart.statusCode(), afterRestart.body());
    assertEquals(firstAction, ApiClient.json(afterRestart).get("action"));
    var again = api.postJson(ACTIONS, note);
    assertEquals(202, again.statusCode(), again.body());
    var confirm =
        api.postJson(
            ACTIONS, "{\"action\":\"CONFIRM\",\"actor\":\"zhang.min\",\"requestId\":\"c\"}");
    assertEquals(202, confirm.statusCode(), confirm.body());
    var confirmed = api.awaitAlert(ALERT, a -> a.get("status").asText().equals("CONFIRMED"));
    assertEquals(4, confirmed.get("history").size(), confirmed.get("history").toString());
    assertEquals(1, entriesOf(confirmed, "ui-7f3a"));
    assertEquals(1, entriesOf(confirmed, "ui-8b01"));
    assertEquals("zhang.min", confirmed.get("assignee").asText());
  }
}
