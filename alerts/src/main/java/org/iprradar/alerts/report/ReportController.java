package org.iprradar.alerts.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Clock;
import java.time.LocalDate;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.app.CallerScope;
import org.iprradar.alerts.http.ApiError;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.web.security.Roles;

/** {@code GET /api/v1/reports/summary}: the dashboard's figures. */
@Secured({Roles.ANALYST, Roles.SUPERVISOR})
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ReportController {

  private final AlertsService alerts;
  private final CallerScope scope;
  private final Clock clock = Clock.systemUTC();

  ReportController(AlertsService alerts, CallerScope scope) {
    this.alerts = alerts;
    this.scope = scope;
  }

  @Get("/summary")
  public HttpResponse<?> summary(
      @Nullable @QueryValue String from, @Nullable @QueryValue String to, HttpRequest<?> http) {
    ReportRange range;
    try {
      range = ReportRange.parse(from, to, LocalDate.now(clock.withZone(ReportRange.CITY_ZONE)));
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(new ApiError("bad_range", e.getMessage()));
    }
    var all = alerts.queries().list(AlertFilter.ALL.within(scope.of(http)), Integer.MAX_VALUE);
    return HttpResponse.ok(ReportBuilder.summarize(all, range));
  }
}
