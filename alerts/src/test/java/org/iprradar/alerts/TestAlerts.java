package org.iprradar.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.AuditEntry;
import org.iprradar.common.model.Bureau;
import org.iprradar.common.model.Escalation;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.TriageActionType;

/** Builds alerts as the store holds them, for report and export tests. */
public final class TestAlerts {

  public static final Bureau MARKET = new Bureau("MARKET_SUPERVISION", "市场监督管理局", null);
  public static final Bureau COPYRIGHT = new Bureau("COPYRIGHT", "版权局", null);

  private TestAlerts() {}

  /** An open alert of one listing with this title and shop, created at {@code created}. */
  public static Alert alert(
      String seller,
      Bureau bureau,
      String district,
      String districtName,
      String category,
      Instant created,
      String title,
      String shop) {
    var listing =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:" + seller + "-1",
            "taobao",
            seller + "-1",
            1,
            title,
            new BigDecimal("99"),
            seller,
            district,
            shop,
            category,
            80,
            InfringementType.COUNTERFEIT_TRADEMARK,
            null,
            true,
            List.of(),
            created);
    return new Alert(
        Alert.SCHEMA_VERSION,
        "taobao:" + seller + ":COUNTERFEIT_TRADEMARK",
        "taobao:" + seller + ":COUNTERFEIT_TRADEMARK",
        AlertStatus.OPEN,
        bureau,
        List.of(),
        district,
        districtName,
        false,
        InfringementType.COUNTERFEIT_TRADEMARK,
        category,
        "taobao",
        seller,
        80,
        List.of(listing),
        created,
        created,
        List.of(),
        new BigDecimal("1980"),
        20,
        Escalation.NONE);
  }

  public static Alert alert(String seller, Bureau bureau, String district, Instant created) {
    return alert(seller, bureau, district, "崇川区", "luxury_bags", created, "title", "shop");
  }

  /** The alert after an analyst's action at {@code at}. */
  public static Alert acted(Alert alert, TriageActionType action, AlertStatus to, Instant at) {
    return alert.record(
        new AuditEntry(action, "li.wei", at, "why", null, null, null, alert.status(), to));
  }

  /** The alert after a penalty decision was recorded on it. */
  public static Alert penalized(Alert alert, String decision, String amount, Instant at) {
    return alert.record(
        new AuditEntry(
            TriageActionType.RECORD_PENALTY,
            "li.wei",
            at,
            "公示",
            null,
            decision,
            new BigDecimal(amount),
            alert.status(),
            alert.status()));
  }
}
