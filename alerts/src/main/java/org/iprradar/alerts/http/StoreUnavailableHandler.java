package org.iprradar.alerts.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.iprradar.alerts.store.StoreUnavailableException;

/**
 * 503 {@code store_unavailable} with {@code Retry-After} from every endpoint that reads the alert
 * store while it starts, restores or rebalances: a moment to wait, not a server error.
 */
@Singleton
@Requires(classes = {StoreUnavailableException.class, ExceptionHandler.class})
final class StoreUnavailableHandler
    implements ExceptionHandler<StoreUnavailableException, HttpResponse<ApiError>> {

  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, StoreUnavailableException exception) {
    return ApiError.retryLater("store_unavailable", exception.getMessage());
  }
}
