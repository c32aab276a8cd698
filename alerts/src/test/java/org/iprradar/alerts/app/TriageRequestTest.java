package org.iprradar.alerts.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriageRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

  /** A request missing or misusing one field names that field. */
  @ParameterizedTest(name = "{0} -> {6}")
  @CsvSource({
    ",               li, ,       ,     ,      ,    action",
    "FLY,            li, ,       ,     ,      ,    action",
    "CONFIRM,        ,   ,       ,     ,      ,    actor",
    "ASSIGN,         li, ,       ,     ,      ,    assignee",
    "DISMISS,        li, ,       ,     ,      ,    reason",
    "NOTE,           li, ' ',    ,     ,      ,    reason",
    "RECORD_PENALTY, li, ,       ,     ,      100, decisionNumber",
    "RECORD_PENALTY, li, ,       ,     D-1,   ,    penaltyAmount",
    "RECORD_PENALTY, li, ,       ,     D-1,   -1,  penaltyAmount",
    "CONFIRM,        li, ,       zhang,,      ,    assignee",
    "CONFIRM,        li, ,       ,     D-1,   ,    decisionNumber",
  })
  void shouldNameTheFieldThatIsWrong(
      String action,
      String actor,
      String reason,
      String assignee,
      String decision,
      BigDecimal amount,
      String field) {
    var request = new TriageRequest(action, actor, reason, assignee, decision, amount, null);

    var e = assertThrows(InvalidFieldException.class, () -> request.toAction("a:b:C", NOW));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void shouldAcceptAnyCaseAndStripText() {
    var action =
        new TriageRequest(
                "record_penalty", " li ", null, null, " 通市监罚〔2026〕12号 ", BigDecimal.TEN, null)
            .toAction("a:b:C", NOW);

    assertEquals(TriageActionType.RECORD_PENALTY, action.action());
    assertEquals("li", action.actor());
    assertEquals("通市监罚〔2026〕12号", action.decisionNumber());
    assertEquals(NOW, action.at());
  }

  @Test
  void shouldTakeTheRequestIdFromTheHeaderWhenTheBodyHasNone() {
    var request = new TriageRequest("CONFIRM", "li", null, null, null, null, null);

    assertEquals("r-1", request.withRequestId(" r-1 ").toAction("a:b:C", NOW).requestId());
    assertEquals(null, request.withRequestId(null).toAction("a:b:C", NOW).requestId());
  }

  @Test
  void shouldRefuseABodyAndHeaderThatNameDifferentRequestIds() {
    var request = new TriageRequest("CONFIRM", "li", null, null, null, null, "r-1");

    assertEquals("r-1", request.withRequestId("r-1").requestId());
    var e = assertThrows(InvalidFieldException.class, () -> request.withRequestId("r-2"));
    assertEquals("requestId", e.field());
  }
}
