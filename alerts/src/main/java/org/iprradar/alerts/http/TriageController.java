package org.iprradar.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.iprradar.alerts.app.ActionNotStoredException;
import org.iprradar.alerts.app.CallerScope;
import org.iprradar.alerts.app.RequestIdReusedException;
import org.iprradar.alerts.app.TriageRequest;
import org.iprradar.alerts.app.TriageService;
import org.iprradar.alerts.app.UnknownAlertException;
import org.iprradar.alerts.delivery.WebhookSender;
import org.iprradar.alerts.triage.IllegalTransitionException;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.web.security.Roles;

/** {@code POST /api/v1/alerts/{id}/actions}: an analyst acts on an alert. */
@Secured({Roles.ANALYST, Roles.SUPERVISOR})
@Controller("/api/v1/alerts/{id}/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class TriageController {

  private final TriageService triage;
  private final CallerScope scope;

  TriageController(TriageService triage, CallerScope scope) {
    this.triage = triage;
    this.scope = scope;
  }

  /**
   * Acts on the alert. A repeat of a request id (in the body's {@code requestId} or the {@code
   * Idempotency-Key} header) is applied once and answered as the first was.
   *
   * @param idempotencyKey the client's request id, when the body has none
   */
  @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TriageRequest.class)))
  @ApiResponse(
      responseCode = "202",
      description = "written to Kafka; the alert shows it shortly after",
      content = @Content(schema = @Schema(implementation = ActionAccepted.class)))
  @ApiResponse(
      responseCode = "400",
      description = "a field is missing or wrong",
      content = @Content(schema = @Schema(implementation = FieldError.class)))
  @ApiResponse(
      responseCode = "404",
      description = "no such alert",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(
      responseCode = "409",
      description = "the alert's status does not allow the action",
      content = @Content(schema = @Schema(implementation = TransitionError.class)))
  @ApiResponse(
      responseCode = "422",
      description = "the request id was used for a different request",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public HttpResponse<?> act(
      @PathVariable String id,
      @Nullable @Body byte[] body,
      @Nullable @Header(WebhookSender.IDEMPOTENCY_KEY) String idempotencyKey,
      HttpRequest<?> http) {
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
    request = request.actingAs(CallerScope.authentication(http));
    return HttpResponse.accepted()
        .body(
            new ActionAccepted(
                triage.submit(id, request.withRequestId(idempotencyKey), scope.of(http))));
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
    return ApiError.retryLater("kafka_unavailable", e.getMessage());
  }
}
