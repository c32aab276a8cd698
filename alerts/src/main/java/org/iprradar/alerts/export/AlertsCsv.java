package org.iprradar.alerts.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.AuditEntry;
import org.iprradar.common.model.TriageActionType;

/** The two CSV documents: one row per alert, and one row per recorded penalty decision. */
public final class AlertsCsv {

  static final List<String> ALERT_HEADER =
      List.of(
          "告警编号",
          "状态",
          "风险分",
          "主办部门",
          "主办部门代码",
          "辖区代码",
          "辖区",
          "跨区域",
          "侵权类型",
          "品类",
          "平台",
          "卖家",
          "店铺",
          "商品数",
          "商品标题",
          "估算销售额(元)",
          "销量",
          "移送公安",
          "督办",
          "创建时间",
          "更新时间");

  static final List<String> PENALTY_HEADER =
      List.of(
          "决定书文号", "罚款金额(元)", "决定日期", "记录人", "说明", "告警编号", "主办部门", "主办部门代码", "辖区代码", "辖区", "侵权类型",
          "品类", "平台", "卖家", "店铺");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final ZoneId zone;

  /**
   * @param zone whose clock the times are written in: the analysts' own
   */
  public AlertsCsv(ZoneId zone) {
    this.zone = zone;
  }

  public Csv alerts(List<Alert> alerts) {
    var csv = new Csv().row(ALERT_HEADER);
    for (Alert a : alerts) {
      csv.row(
          a.id(),
          a.status().name(),
          a.score(),
          a.bureau().name(),
          a.bureau().id(),
          a.jurisdiction(),
          a.jurisdictionName(),
          a.crossRegion(),
          a.infringementType().name(),
          a.category(),
          a.platform(),
          a.sellerId(),
          shops(a),
          a.listings().size(),
          joined(a.listings().stream().map(Assessment::title).toList()),
          a.estimatedSales(),
          a.unitsSold(),
          a.escalation().policeReferral(),
          a.escalation().supervisedCase(),
          time(a.createdAt(), TIME),
          time(a.updatedAt(), TIME));
    }
    return csv;
  }

  /** One row per penalty decision, in the order the alerts come and the decisions were recorded. */
  public Csv penalties(List<Alert> alerts) {
    var csv = new Csv().row(PENALTY_HEADER);
    for (Alert a : alerts) {
      for (AuditEntry e : a.history()) {
        if (e.action() != TriageActionType.RECORD_PENALTY) {
          continue;
        }
        csv.row(
            e.decisionNumber(),
            e.penaltyAmount(),
            time(e.at(), DAY),
            e.actor(),
            e.reason(),
            a.id(),
            a.bureau().name(),
            a.bureau().id(),
            a.jurisdiction(),
            a.jurisdictionName(),
            a.infringementType().name(),
            a.category(),
            a.platform(),
            a.sellerId(),
            shops(a));
      }
    }
    return csv;
  }

  /** Whether an alert carries at least one penalty decision. */
  public static boolean penalized(Alert alert) {
    return alert.history().stream().anyMatch(e -> e.action() == TriageActionType.RECORD_PENALTY);
  }

  private static String shops(Alert alert) {
    return joined(alert.listings().stream().map(Assessment::shopName).toList());
  }

  /** Distinct non-blank values, in order, one per line of the cell. */
  private static String joined(List<String> values) {
    return values.stream()
        .filter(Objects::nonNull)
        .filter(v -> !v.isBlank())
        .distinct()
        .collect(Collectors.joining("\n"));
  }

  private String time(Instant at, DateTimeFormatter format) {
    return at == null ? null : format.format(at.atZone(zone));
  }
}
