package org.iprradar.alerts.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.app.CallerScope;
import org.iprradar.alerts.http.ApiError;
import org.iprradar.alerts.report.ReportRange;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.web.security.Roles;

/**
 * {@code GET /api/v1/exports/alerts.csv} (the list's filters, every match, highest risk first) and
 * {@code GET /api/v1/exports/penalties.csv} (the penalty decisions recorded on matching alerts).
 */
@Secured({Roles.ANALYST, Roles.SUPERVISOR})
@Controller("/api/v1/exports")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ExportController {

  static final String CSV = "text/csv; charset=utf-8";

  private final AlertsService alerts;
  private final CallerScope scope;
  private final AlertsCsv csv = new AlertsCsv(ReportRange.CITY_ZONE);

  ExportController(AlertsService alerts, CallerScope scope) {
    this.alerts = alerts;
    this.scope = scope;
  }

  @Get(value = "/alerts.csv", produces = CSV)
  public HttpResponse<?> alerts(
      @Nullable @QueryValue String bureau,
      @Nullable @QueryValue String region,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String type,
      @Nullable @QueryValue Double minScore,
      @Nullable @QueryValue String text,
      @Nullable @QueryValue Boolean policeReferral,
      @Nullable @QueryValue Boolean supervisedCase,
      @Nullable @QueryValue String category,
      @Nullable @QueryValue String assignee,
      @Nullable @QueryValue Boolean unassigned,
      HttpRequest<?> http) {
    AlertFilter filter;
    try {
      filter =
          AlertFilter.parse(
              bureau,
              region,
              status,
              type,
              minScore,
              text,
              policeReferral,
              supervisedCase,
              category,
              assignee,
              unassigned);
    } catch (IllegalArgumentException e) {
      return badFilter(e);
    }
    var found =
        alerts.queries().list(filter.within(scope.of(http)), Integer.MAX_VALUE).stream().toList();
    return download("ipr-alerts", csv.alerts(found));
  }

  @Get(value = "/penalties.csv", produces = CSV)
  public HttpResponse<?> penalties(
      @Nullable @QueryValue String bureau,
      @Nullable @QueryValue String region,
      @Nullable @QueryValue String type,
      @Nullable @QueryValue String text,
      @Nullable @QueryValue String category,
      HttpRequest<?> http) {
    AlertFilter filter;
    try {
      filter =
          AlertFilter.parse(
              bureau, region, null, type, null, text, null, null, category, null, null);
    } catch (IllegalArgumentException e) {
      return badFilter(e);
    }
    var found =
        alerts.queries().list(filter.within(scope.of(http)), Integer.MAX_VALUE).stream()
            .filter(AlertsCsv::penalized)
            .toList();
    return download("ipr-penalties", csv.penalties(found));
  }

  private static HttpResponse<?> download(String name, Csv document) {
    String file = name + "-" + LocalDate.now(ReportRange.CITY_ZONE) + ".csv";
    return HttpResponse.ok(document.toBytes())
        .contentType(MediaType.of(CSV))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  private static HttpResponse<?> badFilter(IllegalArgumentException e) {
    return HttpResponse.badRequest(new ApiError("bad_filter", e.getMessage()))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
