package org.iprradar.alerts.export;

import static org.iprradar.alerts.TestAlerts.COPYRIGHT;
import static org.iprradar.alerts.TestAlerts.MARKET;
import static org.iprradar.alerts.TestAlerts.acted;
import static org.iprradar.alerts.TestAlerts.alert;
import static org.iprradar.alerts.TestAlerts.penalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

class AlertsCsvTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T02:00:00Z");
  private final AlertsCsv csv = new AlertsCsv(ZoneId.of("Asia/Shanghai"));

  @Test
  void shouldWriteOneRowPerAlertWithItsChineseTextAndDefuseASellersFormula() {
    var hostile =
        alert(
            "tb_evil",
            MARKET,
            "320602",
            "崇川区",
            "luxury_bags",
            CREATED,
            "=cmd|' /C calc'!A0 驴牌 手袋",
            "@崇川轻奢, 小铺");

    String[] lines = csv.alerts(List.of(hostile)).toString().split("\r\n");

    assertEquals(2, lines.length);
    assertEquals(String.join(",", AlertsCsv.ALERT_HEADER), lines[0]);
    assertTrue(
        lines[1].startsWith(
            "taobao:tb_evil:COUNTERFEIT_TRADEMARK,OPEN,80.0,市场监督管理局,MARKET_SUPERVISION,"
                + "320602,崇川区,false,COUNTERFEIT_TRADEMARK,luxury_bags,taobao,tb_evil,"),
        lines[1]);
    assertTrue(lines[1].contains(",\"'@崇川轻奢, 小铺\",1,'=cmd|' /C calc'!A0 驴牌 手袋,"), lines[1]);
    // Times are the bureau's clock: 02:00 UTC is 10:00 in Nantong.
    assertTrue(lines[1].endsWith(",2026-03-01 10:00:00,2026-03-01 10:00:00"), lines[1]);
  }

  @Test
  void shouldListEachRecordedPenaltyDecisionWithSellerBureauAndItsDayInTheCity() {
    var confirmed =
        acted(
            alert("tb_bags", MARKET, "320602", CREATED),
            TriageActionType.CONFIRM,
            AlertStatus.CONFIRMED,
            CREATED.plusSeconds(600));
    // 17:00 UTC on 1 March is already 2 March in Nantong.
    var twice =
        penalized(
            penalized(confirmed, "通市监处罚〔2026〕12号", "50000", Instant.parse("2026-03-01T17:00:00Z")),
            "通市监处罚〔2026〕13号",
            "8000.50",
            Instant.parse("2026-03-05T03:00:00Z"));
    var notPenalized = alert("tb_books", COPYRIGHT, "320682", CREATED);

    assertTrue(AlertsCsv.penalized(twice));
    assertFalse(AlertsCsv.penalized(confirmed));
    String[] lines = csv.penalties(List.of(twice, notPenalized)).toString().split("\r\n");

    assertEquals(3, lines.length);
    assertEquals(String.join(",", AlertsCsv.PENALTY_HEADER), lines[0]);
    assertEquals(
        "通市监处罚〔2026〕12号,50000,2026-03-02,li.wei,公示,taobao:tb_bags:COUNTERFEIT_TRADEMARK,"
            + "市场监督管理局,MARKET_SUPERVISION,320602,崇川区,COUNTERFEIT_TRADEMARK,luxury_bags,"
            + "taobao,tb_bags,shop",
        lines[1]);
    assertTrue(lines[2].startsWith("通市监处罚〔2026〕13号,8000.50,2026-03-05,"), lines[2]);
  }
}
