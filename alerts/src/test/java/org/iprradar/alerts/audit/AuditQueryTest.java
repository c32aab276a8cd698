package org.iprradar.alerts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.iprradar.common.model.AuditRecord;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static AuditRecord record(String who, String action, String at, int outcome) {
    return new AuditRecord(
        "id",
        Instant.parse(at),
        who,
        List.of(),
        null,
        null,
        List.of(),
        action,
        Map.of(),
        outcome,
        "127.0.0.1",
        null,
        null,
        null,
        null,
        null,
        0);
  }

  @Test
  void daysAreWholeChinaStandardTimeDaysBothIncluded() {
    var query = AuditQuery.parse(null, null, "2026-03-01", "2026-03-01", null, SHANGHAI);
    // 2026-03-01 00:30 in Shanghai is still the evening before in UTC.
    assertTrue(query.matches(record("a", "POST /x", "2026-02-28T16:30:00Z", 202)));
    assertTrue(query.matches(record("a", "POST /x", "2026-03-01T15:59:59Z", 202)));
    assertFalse(query.matches(record("a", "POST /x", "2026-03-01T16:00:00Z", 202)));
    assertFalse(query.matches(record("a", "POST /x", "2026-02-28T15:59:59Z", 202)));
  }

  @Test
  void actionMatchesTheWholeActionOrFromASlashTheRoute() {
    var byAction = AuditQuery.parse(null, "PUT /api/v1/rules", null, null, null, SHANGHAI);
    var byRoute = AuditQuery.parse(null, "/api/v1/rules", null, null, null, SHANGHAI);
    var put = record("a", "PUT /api/v1/rules/{ruleId}", "2026-03-01T00:00:00Z", 202);
    var delete = record("a", "DELETE /api/v1/rules/{ruleId}", "2026-03-01T00:00:00Z", 202);
    assertTrue(byAction.matches(put));
    assertFalse(byAction.matches(delete));
    assertTrue(byRoute.matches(put));
    assertTrue(byRoute.matches(delete));
  }

  @Test
  void outcomeIsAStatusOrAClass() {
    var refused = AuditQuery.parse(null, null, null, null, "4xx", SHANGHAI);
    assertTrue(refused.matches(record("a", "POST /x", "2026-03-01T00:00:00Z", 403)));
    assertFalse(refused.matches(record("a", "POST /x", "2026-03-01T00:00:00Z", 202)));
    var forbidden = AuditQuery.parse("a", null, null, null, "403", SHANGHAI);
    assertTrue(forbidden.matches(record("a", "POST /x", "2026-03-01T00:00:00Z", 403)));
    assertFalse(forbidden.matches(record("b", "POST /x", "2026-03-01T00:00:00Z", 403)));
    assertFalse(forbidden.matches(record("a", "POST /x", "2026-03-01T00:00:00Z", 401)));
  }

  @Test
  void badParametersAreNamed() {
    var from =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuditQuery.parse(null, null, "yesterday", null, null, SHANGHAI));
    assertTrue(from.getMessage().startsWith("from "), from.getMessage());
    var outcome =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuditQuery.parse(null, null, null, null, "bad", SHANGHAI));
    assertTrue(outcome.getMessage().startsWith("outcome "), outcome.getMessage());
    var order =
        assertThrows(
            IllegalArgumentException.class,
            () -> AuditQuery.parse(null, null, "2026-03-02", "2026-03-01", null, SHANGHAI));
    assertEquals("from (2026-03-02) is after to (2026-03-01)", order.getMessage());
  }
}
