package org.iprradar.alerts.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.app.CallerScope;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.alerts.store.AlertSort;
import org.iprradar.alerts.store.Visibility;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.web.security.Roles;

/**
 * {@code GET /api/v1/alerts} with filters, {@code GET /api/v1/alerts/{id}}, and {@code GET
 * /api/v1/alerts/{id}/deliveries}.
 */
@Secured({Roles.ANALYST, Roles.SUPERVISOR})
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AlertController {

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 1000;

  private final AlertsService alerts;
  private final CallerScope scope;

  AlertController(AlertsService alerts, CallerScope scope) {
    this.alerts = alerts;
    this.scope = scope;
  }

  /**
   * One page of the alerts that pass every given filter.
   *
   * @param bureau only alerts routed to this bureau id
   * @param region a GB/T 2260 code; a city or province code matches its districts
   * @param status one of the alert statuses, case-insensitive
   * @param type one of the infringement types, case-insensitive
   * @param minScore only alerts scoring at least this
   * @param text searched in listing titles, shop names and the seller id, case-insensitive
   * @param policeReferral when true, only alerts referred to the police
   * @param supervisedCase when true, only supervised cases
   * @param category only alerts of this product category, exactly
   * @param offset how many matching alerts to skip, 0 by default
   * @param limit the most alerts to answer, 1 to 1000, 50 by default
   * @param sort {@code score} (default: highest first, then the most recently updated), {@code
   *     updated} or {@code created} (newest first)
   * @param assignee only alerts currently assigned to this analyst
   * @param unassigned when true, only alerts nobody is assigned to
   */
  @Get
  @ApiResponse(
      responseCode = "200",
      description = "the page",
      content = @Content(schema = @Schema(implementation = AlertPage.class)))
  @ApiResponse(
      responseCode = "400",
      description = "a filter, offset, limit or sort is invalid",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public HttpResponse<?> list(
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
      @Nullable @QueryValue Integer offset,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String sort,
      HttpRequest<?> http) {
    AlertFilter filter;
    AlertSort parsedSort;
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
      parsedSort = sort == null || sort.isBlank() ? AlertSort.SCORE : AlertSort.parse(sort);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(new ApiError("bad_filter", e.getMessage()));
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      return HttpResponse.badRequest(
          new ApiError("bad_filter", "limit must be within 1.." + MAX_LIMIT + ", was " + size));
    }
    int skip = offset == null ? 0 : offset;
    if (skip < 0) {
      return HttpResponse.badRequest(
          new ApiError("bad_filter", "offset must be at least 0, was " + skip));
    }
    var page = alerts.queries().page(filter.within(scope.of(http)), parsedSort, skip, size);
    return HttpResponse.ok(new AlertPage(page.total(), skip, size, page.alerts()));
  }

  /**
   * One alert by id, the lead key {@code platform:sellerId:TYPE}. An alert outside an analyst's
   * bureau or district is answered 404 like one that does not exist, so that ids cannot be probed.
   */
  @Get("/{id}")
  @ApiResponse(
      responseCode = "200",
      description = "the alert",
      content = @Content(schema = @Schema(implementation = Alert.class)))
  @ApiResponse(
      responseCode = "404",
      description = "no such alert",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public HttpResponse<?> get(@PathVariable String id, HttpRequest<?> http) {
    return visible(id, http)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(
            () -> HttpResponse.notFound(new ApiError("not_found", "no alert with id " + id)));
  }

  /**
   * The alert's webhook outcomes, oldest first: the latest state of each recent version and bureau
   * (attempts, last error, next retry). Read from the alert store, so the same on every instance
   * and after a restart.
   */
  @Get("/{id}/deliveries")
  @ApiResponse(
      responseCode = "200",
      description = "the outcomes",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = DeliveryOutcome.class))))
  @ApiResponse(
      responseCode = "404",
      description = "no such alert",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public HttpResponse<?> deliveries(@PathVariable String id, HttpRequest<?> http) {
    return visible(id, http)
        .<HttpResponse<?>>map(alert -> HttpResponse.ok(alert.deliveries()))
        .orElseGet(
            () -> HttpResponse.notFound(new ApiError("not_found", "no alert with id " + id)));
  }

  private Optional<Alert> visible(String id, HttpRequest<?> http) {
    Visibility visibility = scope.of(http);
    return alerts.queries().find(id).filter(a -> visibility == null || visibility.sees(a));
  }
}
