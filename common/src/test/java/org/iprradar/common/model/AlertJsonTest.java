package org.iprradar.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.json.JsonSerde;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

  private static final JsonSerde<Alert> SERDE = new JsonSerde<>(Alert.class);

  /** An alert as written before assignee, deliveries and request ids existed: assigned twice. */
  private static final String BEFORE_ASSIGNEE =
      """
      {"schemaVersion": 1, "id": "taobao:s1:COUNTERFEIT_TRADEMARK",
       "leadKey": "taobao:s1:COUNTERFEIT_TRADEMARK", "status": "CONFIRMED",
       "bureau": {"id": "MARKET_SUPERVISION"}, "score": 80.0,
       "history": [
        {"action": "ASSIGN", "actor": "li", "at": "2026-11-29T08:00:00Z", "assignee": "wang",
         "from": "OPEN", "to": "ASSIGNED"},
        {"action": "ASSIGN", "actor": "li", "at": "2026-11-29T08:01:00Z", "assignee": "zhang",
         "from": "ASSIGNED", "to": "ASSIGNED"},
        {"action": "CONFIRM", "actor": "zhang", "at": "2026-11-29T08:02:00Z",
         "from": "ASSIGNED", "to": "CONFIRMED"}]}
      """;

  @Test
  void shouldReadAnOldAlertWithItsAssigneeFromTheLatestAssignAction() {
    var alert = SERDE.read(BEFORE_ASSIGNEE.getBytes(StandardCharsets.UTF_8));

    assertEquals("zhang", alert.assignee());
    assertTrue(alert.deliveries().isEmpty());
    assertNull(alert.history().get(0).requestId());
  }

  @Test
  void shouldWriteAndReadBackAssigneeDeliveriesAndRequestIds() {
    var alert = SERDE.read(BEFORE_ASSIGNEE.getBytes(StandardCharsets.UTF_8));
    var at = Instant.parse("2026-11-29T08:03:00Z");
    var outcome =
        new DeliveryOutcome(
            alert.id(),
            "MARKET_SUPERVISION",
            "k",
            DeliveryState.RETRYING,
            1,
            503,
            "HTTP 503",
            at.plusSeconds(2),
            at);
    var noted =
        alert
            .record(
                AuditEntry.of(
                    new TriageAction(
                        alert.id(),
                        TriageActionType.NOTE,
                        "zhang",
                        at,
                        "seen",
                        null,
                        null,
                        null,
                        "req-9"),
                    AlertStatus.CONFIRMED,
                    AlertStatus.CONFIRMED))
            .withDelivery(outcome);

    var back = SERDE.read(SERDE.serializer().serialize("t", noted));

    assertEquals(noted, back);
    assertEquals("zhang", back.assignee());
    assertEquals(List.of(outcome), back.deliveries());
    assertEquals("req-9", back.entryOfRequest("req-9").orElseThrow().requestId());
  }
}
