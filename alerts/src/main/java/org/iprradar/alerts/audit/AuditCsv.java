package org.iprradar.alerts.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.iprradar.alerts.export.Csv;
import org.iprradar.common.model.AuditRecord;

/**
 * The audit as a spreadsheet, one row per record, with the alerts exports' conventions (BOM, RFC
 * 4180, formula guard: a path id or user agent is the client's text and must stay text).
 */
final class AuditCsv {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ZoneId zone;
  private final Csv csv = new Csv();

  AuditCsv(ZoneId zone) {
    this.zone = zone;
    csv.row(
        "time (" + zone.getId() + ")",
        "time (UTC)",
        "who",
        "roles",
        "bureau",
        "district",
        "platforms",
        "action",
        "target",
        "outcome",
        "remote address",
        "X-Forwarded-For (claimed)",
        "user agent",
        "request id",
        "records",
        "body SHA-256",
        "body bytes",
        "id");
  }

  void add(AuditRecord r) {
    csv.row(
        TIME.format(r.at().atZone(zone)),
        r.at().toString(),
        r.who(),
        String.join(" ", r.roles()),
        r.bureau(),
        r.district(),
        String.join(" ", r.platforms()),
        r.action(),
        target(r.target()),
        r.outcome(),
        r.remoteAddress(),
        r.forwardedFor(),
        r.userAgent(),
        r.requestId(),
        r.records(),
        r.bodySha256(),
        r.bodyBytes(),
        r.id());
  }

  byte[] toBytes() {
    return csv.toBytes();
  }

  private static String target(Map<String, String> target) {
    return target.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
