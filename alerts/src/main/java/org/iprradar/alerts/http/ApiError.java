package org.iprradar.alerts.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** An error answer of the alerts API. */
public record ApiError(String error, String message) {

  /** Seconds a client waits before retrying when the store or Kafka is not there yet. */
  private static final String RETRY_AFTER_SECONDS = "2";

  /**
   * A 503 with {@code Retry-After}: the store is still restoring or Kafka did not take the write,
   * both passing states, so every controller answers them the same way and clients can retry.
   */
  public static HttpResponse<ApiError> retryLater(String error, String message) {
    return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .body(new ApiError(error, message));
  }
}
