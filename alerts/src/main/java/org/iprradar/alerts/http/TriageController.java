package org.iprradar.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.iprradar.alerts.app.ActionNotStoredException;
import org.iprradar.alerts.app.RequestIdReusedException;
import org.iprradar.alerts.app.TriageRequest;
import org.iprradar.alerts.app.TriageService;
import org.iprradar.alerts.app.UnknownAlertException;
import org.iprradar.alerts.delivery.WebhookSender;
import org.iprradar.alerts.store.StoreUnavailableException;
import org.iprradar.alerts.triage.IllegalTransitionException;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.InvalidFieldException;

/** {@code POST /api/v1/alerts/{id}/actions}: an analyst acts on an alert. */
@Controller("/api/v1/alerts/{id}/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class TriageController {

  private final TriageService triage;

  TriageController(TriageService triage) {
    this.triage = triage;
  }

  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> act(
      @PathVariable String id,
      @Nullable @Body byte[] body,
      @Nullable @Header(WebhookSender.IDEMPOTENCY_KEY) String idempotencyKey) {
    TriageRequest request;
    try {
      request = Json.mapper().readValue(body == null ? new byte[0] : body, TriageRequest.class);
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(Objects::nonNull)
              .collect(Collectors.joining("."));
      if (!field.isEmpty()) {
        return HttpResponse.badRequest(
            new FieldError("invalid_field", field, field + ": " + e.getOriginalMessage()));
      }
      return HttpResponse.badRequest(new ApiError("malformed_body", e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      return HttpResponse.badRequest(new ApiError("malformed_body", e.getOriginalMessage()));
    } catch (IOException e) {
      return HttpResponse.badRequest(new ApiError("malformed_body", e.getMessage()));
    }
    if (request == null) {
      return HttpResponse.badRequest(new ApiError("malformed_body", "the body must be an object"));
    }
    return HttpResponse.accepted()
        .body(new ActionAccepted(triage.submit(id, request.withRequestId(idempotencyKey))));
  }

  @Error(exception = UnknownAlertException.class)
  HttpResponse<ApiError> unknown(UnknownAlertException e) {
    return HttpResponse.notFound(new ApiError("not_found", e.getMessage()));
  }

  @Error(exception = RequestIdReusedException.class)
  HttpResponse<ApiError> reused(RequestIdReusedException e) {
    return HttpResponse.<ApiError>status(HttpStatus.UNPROCESSABLE_ENTITY)
        .body(new ApiError("request_id_reused", e.getMessage()));
  }

  @Error(exception = InvalidFieldException.class)
  HttpResponse<FieldError> invalid(InvalidFieldException e) {
    return HttpResponse.badRequest(new FieldError("invalid_field", e.field(), e.getMessage()));
  }

  @Error(exception = IllegalTransitionException.class)
  HttpResponse<TransitionError> illegal(IllegalTransitionException e) {
    return HttpResponse.<TransitionError>status(HttpStatus.CONFLICT)
        .body(new TransitionError("illegal_transition", e.getMessage(), e.status(), e.allowed()));
  }

  @Error(exception = ActionNotStoredException.class)
  HttpResponse<ApiError> notStored(ActionNotStoredException e) {
    return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .body(new ApiError("kafka_unavailable", e.getMessage()));
  }

  @Error(exception = StoreUnavailableException.class)
  HttpResponse<ApiError> unavailable(StoreUnavailableException e) {
    return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "2")
        .body(new ApiError("store_unavailable", e.getMessage()));
  }
}
