package org.iprradar.alerts.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Locale;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.app.WebhookService;
import org.iprradar.alerts.store.AlertFilter;
import org.iprradar.alerts.store.StoreUnavailableException;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.InfringementType;

/**
 * {@code GET /api/v1/alerts} with filters, {@code GET /api/v1/alerts/{id}}, and {@code GET
 * /api/v1/alerts/{id}/deliveries}.
 */
@Controller("/api/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AlertController {

  private static final int MAX_LIMIT = 1000;

  private final AlertsService alerts;
  private final WebhookService webhooks;

  AlertController(AlertsService alerts, WebhookService webhooks) {
    this.alerts = alerts;
    this.webhooks = webhooks;
  }

  @Get
  public HttpResponse<?> list(
      @Nullable @QueryValue String bureau,
      @Nullable @QueryValue String region,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String type,
      @Nullable @QueryValue Double minScore,
      @Nullable @QueryValue String text,
      @Nullable @QueryValue Boolean policeReferral,
      @Nullable @QueryValue Boolean supervisedCase,
      @Nullable @QueryValue Integer limit) {
    AlertStatus parsedStatus;
    InfringementType parsedType;
    try {
      parsedStatus = parse(AlertStatus.class, "status", status);
      parsedType = parse(InfringementType.class, "type", type);
    } catch (IllegalArgumentException e) {
      return HttpResponse.badRequest(new ApiError("bad_filter", e.getMessage()));
    }
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > MAX_LIMIT) {
      return HttpResponse.badRequest(
          new ApiError("bad_filter", "limit must be within 1.." + MAX_LIMIT + ", was " + size));
    }
    var filter =
        new AlertFilter(
            blankToNull(bureau),
            blankToNull(region),
            parsedStatus,
            parsedType,
            minScore,
            blankToNull(text),
            policeReferral,
            supervisedCase);
    var found = alerts.queries().list(filter, Integer.MAX_VALUE);
    return HttpResponse.ok(
        new AlertPage(found.size(), found.subList(0, Math.min(size, found.size()))));
  }

  @Get("/{id}")
  public HttpResponse<?> get(@PathVariable String id) {
    return alerts
        .queries()
        .find(id)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(
            () -> HttpResponse.notFound(new ApiError("not_found", "no alert with id " + id)));
  }

  /**
   * The recent webhook outcomes of an alert, oldest first, as this instance remembers them: kept in
   * memory, so empty after a restart or on another instance. Failures also stay on the dead-letter
   * topic.
   */
  @Get("/{id}/deliveries")
  public HttpResponse<?> deliveries(@PathVariable String id) {
    if (alerts.queries().find(id).isEmpty()) {
      return HttpResponse.notFound(new ApiError("not_found", "no alert with id " + id));
    }
    return HttpResponse.ok(webhooks.deliveries(id));
  }

  @Error(exception = StoreUnavailableException.class)
  HttpResponse<ApiError> unavailable(StoreUnavailableException e) {
    return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .body(new ApiError("store_unavailable", e.getMessage()));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name
              + " must be one of "
              + java.util.Arrays.toString(type.getEnumConstants())
              + ", was '"
              + value
              + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
