package org.iprradar.alerts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import org.iprradar.alerts.http.ApiError;
import org.iprradar.alerts.report.ReportRange;
import org.iprradar.common.json.Json;
import org.iprradar.web.security.Roles;

/**
 * The audit trail for supervisors: {@code GET /api/v1/audit} (a page, newest first) and {@code GET
 * /api/v1/audit.csv} (every match, as a download). Filters: {@code who}, {@code action}, {@code
 * from}, {@code to}, {@code outcome}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.SUPERVISOR, Roles.ADMIN})
public final class AuditController {

  static final String CSV = "text/csv; charset=utf-8";
  private static final int MAX_LIMIT = 1000;
  private static final int MAX_OFFSET = 100_000;

  private final AuditReader reader;
  private final int maxExportRows;

  AuditController(
      AuditReader reader, @Value("${ipr.audit.max-export-rows:100000}") int maxExportRows) {
    this.reader = reader;
    this.maxExportRows = maxExportRows;
  }

  @Get(value = "/audit", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> page(
      @Nullable @QueryValue String who,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String outcome,
      @Nullable @QueryValue Integer offset,
      @Nullable @QueryValue Integer limit) {
    int start = offset == null ? 0 : offset;
    int size = limit == null ? 50 : limit;
    if (start < 0 || start > MAX_OFFSET) {
      return bad("bad_parameter", "offset must be 0-" + MAX_OFFSET + ", was " + start);
    }
    if (size < 1 || size > MAX_LIMIT) {
      return bad("bad_parameter", "limit must be 1-" + MAX_LIMIT + ", was " + size);
    }
    AuditQuery query;
    try {
      query = AuditQuery.parse(who, action, from, to, outcome, ReportRange.CITY_ZONE);
    } catch (IllegalArgumentException e) {
      return bad("bad_filter", e.getMessage());
    }
    try {
      // The shared mapper writes times as ISO-8601 text, as the alerts' answers have them.
      return HttpResponse.ok(Json.mapper().writeValueAsString(reader.page(query, start, size)))
          .contentType(MediaType.APPLICATION_JSON_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit page did not serialize", e);
    }
  }

  /**
   * Every matching record, newest first, up to {@code ipr.audit.max-export-rows}; the header {@code
   * X-IPR-Truncated: true} says that more matched.
   */
  @Get(value = "/audit.csv", produces = CSV)
  public HttpResponse<?> export(
      @Nullable @QueryValue String who,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String outcome) {
    AuditQuery query;
    try {
      query = AuditQuery.parse(who, action, from, to, outcome, ReportRange.CITY_ZONE);
    } catch (IllegalArgumentException e) {
      return bad("bad_filter", e.getMessage());
    }
    var csv = new AuditCsv(ReportRange.CITY_ZONE);
    int[] rows = {0};
    boolean[] more = {false};
    boolean truncated =
        reader.scan(
            query,
            record -> {
              if (rows[0]++ >= maxExportRows) {
                more[0] = true;
                return false;
              }
              csv.add(record);
              return true;
            });
    String file = "ipr-audit-" + LocalDate.now(ReportRange.CITY_ZONE) + ".csv";
    return HttpResponse.ok(csv.toBytes())
        .contentType(MediaType.of(CSV))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("X-IPR-Truncated", String.valueOf(truncated || more[0]));
  }

  @Error(exception = AuditReadException.class)
  HttpResponse<ApiError> unavailable(AuditReadException e) {
    return ApiError.retryLater("audit_unavailable", e.getMessage());
  }

  private static HttpResponse<?> bad(String code, String message) {
    return HttpResponse.badRequest(new ApiError(code, message))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
