package org.iprradar.ingest.partners;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.iprradar.ingest.http.ErrorResponse;

/** 401 with {@code {error, message}} for a refused API key; the key is never echoed. */
@Singleton
@Requires(classes = {ApiKeyRejectedException.class, ExceptionHandler.class})
final class ApiKeyRejectedHandler
    implements ExceptionHandler<ApiKeyRejectedException, HttpResponse<?>> {

  @Override
  public HttpResponse<?> handle(HttpRequest request, ApiKeyRejectedException exception) {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "ApiKey")
        .body(new ErrorResponse("invalid_api_key", exception.getMessage()));
  }
}
