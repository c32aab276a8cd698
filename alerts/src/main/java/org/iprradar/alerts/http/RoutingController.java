package org.iprradar.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import org.iprradar.alerts.app.ActionNotStoredException;
import org.iprradar.alerts.app.RoutingHistoryEntry;
import org.iprradar.alerts.app.RoutingRequest;
import org.iprradar.alerts.app.RoutingService;
import org.iprradar.alerts.app.RoutingVersionConflictException;
import org.iprradar.alerts.route.InvalidRoutingException;
import org.iprradar.alerts.store.RoutingPreview;
import org.iprradar.common.json.Json;
import org.iprradar.web.security.Actor;
import org.iprradar.web.security.Roles;

/**
 * The routing table at run time: {@code GET /api/v1/routing} (in force), {@code PUT} (change),
 * {@code GET /api/v1/routing/history} and {@code POST /api/v1/routing/preview} (a draft against the
 * open alerts, written nowhere).
 */
@Secured({Roles.OPERATOR, Roles.ADMIN, Roles.SUPERVISOR})
@Controller("/api/v1/routing")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RoutingController {

  private final RoutingService routing;

  RoutingController(RoutingService routing) {
    this.routing = routing;
  }

  /** The routing this instance routes new leads with, and its version. */
  @Get(produces = MediaType.APPLICATION_JSON)
  public RoutingView current() {
    return RoutingView.of(routing.current());
  }

  /**
   * Validates the whole table and writes it as the next version. Body: {@code {"table": {...},
   * "changedBy": "...", "comment": "...", "baseVersion": n}} ({@code baseVersion} optional).
   */
  @Put(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @Secured({Roles.OPERATOR, Roles.ADMIN})
  @ApiResponse(
      responseCode = "202",
      description = "written to Kafka; in force on every instance a moment later",
      content = @Content(schema = @Schema(implementation = RoutingAccepted.class)))
  @ApiResponse(
      responseCode = "400",
      description = "every problem of the request, each with its path and reason",
      content = @Content(schema = @Schema(implementation = RoutingErrors.class)))
  @ApiResponse(
      responseCode = "409",
      description = "baseVersion is not the version in force",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public HttpResponse<?> change(HttpRequest<?> http, @Nullable @Body byte[] body) {
    var claimed = read(body);
    // The signed-in operator, not the body's changedBy, is who the history names.
    var request =
        new RoutingRequest(
            claimed.table(),
            Actor.of(http.getUserPrincipal().orElse(null), claimed.changedBy()).orElse(null),
            claimed.comment(),
            claimed.baseVersion());
    var change = routing.submit(request);
    return HttpResponse.accepted()
        .body(
            new RoutingAccepted(
                change.version(), change.changedBy(), change.changedAt(), change.comment()));
  }

  /** Every version written, oldest first, with who, when, why, and whether it was put in force. */
  @Get(uri = "/history", produces = MediaType.APPLICATION_JSON)
  public List<RoutingHistoryEntry> history() {
    return routing.history();
  }

  /**
   * Where the open alerts would go under a draft table (the body of {@code PUT}; only {@code table}
   * is needed), listing those it would change, with counts. Writes nothing.
   */
  @Post(uri = "/preview", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  @Secured({Roles.OPERATOR, Roles.ADMIN})
  @ApiResponse(
      responseCode = "200",
      description = "the alerts the draft would change",
      content = @Content(schema = @Schema(implementation = RoutingPreview.class)))
  @ApiResponse(
      responseCode = "400",
      description = "every problem of the draft",
      content = @Content(schema = @Schema(implementation = RoutingErrors.class)))
  public RoutingPreview preview(@Nullable @Body byte[] body) {
    return routing.preview(read(body));
  }

  private static RoutingRequest read(byte[] body) {
    try {
      RoutingRequest request =
          Json.mapper().readValue(body == null ? new byte[0] : body, RoutingRequest.class);
      if (request == null) {
        throw new MalformedBodyException("the body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new MalformedBodyException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedBodyException(e.getMessage());
    }
  }

  /** A body that is not a JSON object of the request's form. */
  static final class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
      super(message);
    }
  }

  @Error(exception = MalformedBodyException.class)
  HttpResponse<ApiError> malformed(MalformedBodyException e) {
    return HttpResponse.badRequest(new ApiError("malformed_body", e.getMessage()));
  }

  @Error(exception = InvalidRoutingException.class)
  HttpResponse<RoutingErrors> invalid(InvalidRoutingException e) {
    return HttpResponse.badRequest(
        new RoutingErrors("invalid_routing", e.getMessage(), e.problems()));
  }

  @Error(exception = RoutingVersionConflictException.class)
  HttpResponse<ApiError> conflict(RoutingVersionConflictException e) {
    return HttpResponse.<ApiError>status(HttpStatus.CONFLICT)
        .body(new ApiError("version_conflict", e.getMessage()));
  }

  @Error(exception = ActionNotStoredException.class)
  HttpResponse<ApiError> notStored(ActionNotStoredException e) {
    return ApiError.retryLater("kafka_unavailable", e.getMessage());
  }
}
