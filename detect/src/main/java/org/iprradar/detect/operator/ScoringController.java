package org.iprradar.detect.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.ScoringOverride;
import org.iprradar.web.ErrorBody;
import org.iprradar.web.security.Actor;
import org.iprradar.web.security.Roles;

/**
 * Weights and thresholds the way rules are managed, under {@code /api/v1/operator/scoring}: the
 * settings in force, save or delete the entry of {@code default} or a category with validation and
 * history, and a preview on the listings detect assessed last. Who changes them is the signed-in
 * caller once security is on, else the {@value OperatorController#CHANGED_BY} header.
 */
@Controller("/api/v1/operator/scoring")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.OPERATOR})
public final class ScoringController {

  private final ScoringOperator scoring;

  ScoringController(ScoringOperator scoring) {
    this.scoring = scoring;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public ScoringView settings() {
    return scoring.view();
  }

  @Put(
      value = "/{key}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public ScoringOverride save(
      @PathVariable String key,
      @Body byte[] body,
      @Nullable @Header(OperatorController.CHANGED_BY) String changedBy,
      HttpRequest<?> request) {
    String actor = actor(changedBy, request.getUserPrincipal().orElse(null));
    return scoring.save(key, json(body), actor);
  }

  @Delete(value = "/{key}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> delete(
      @PathVariable String key,
      @Nullable @Header(OperatorController.CHANGED_BY) String changedBy,
      HttpRequest<?> request) {
    String actor = actor(changedBy, request.getUserPrincipal().orElse(null));
    return scoring.delete(key, actor)
        ? HttpResponse.noContent()
        : HttpResponse.notFound(
            Map.of("error", "not_found", "message", "no scoring settings for " + key));
  }

  @Get(value = "/{key}/history", produces = MediaType.APPLICATION_JSON)
  public List<ConfigChange> history(@PathVariable String key) {
    return scoring.history(key);
  }

  @Post(
      value = "/preview",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public ScoringPreview preview(@Body byte[] body) {
    try {
      return scoring.preview(Json.mapper().treeToValue(json(body), ScoringPreviewRequest.class));
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(
          List.of(Problem.of("preview", "", "not a preview request: " + e.getOriginalMessage())));
    }
  }

  @Error(exception = InvalidConfigException.class)
  public HttpResponse<OperatorErrorBody> invalid(InvalidConfigException e) {
    return HttpResponse.badRequest(
        new OperatorErrorBody("invalid_config", e.getMessage(), e.problems()));
  }

  @Error(exception = IllegalStateException.class)
  public HttpResponse<ErrorBody> unavailable(IllegalStateException e) {
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorBody("kafka_unavailable", e.getMessage()));
  }

  /** The signed-in caller when security is on; the header until then. */
  static String actor(String changedBy, Principal principal) {
    return Actor.of(principal, changedBy)
        .orElseThrow(
            () ->
                new InvalidConfigException(
                    List.of(
                        Problem.of(
                            "request",
                            OperatorController.CHANGED_BY,
                            "header is required: who makes the change, for history"))));
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = Json.mapper().readTree(body == null ? new byte[0] : body);
      if (node == null || node.isMissingNode()) {
        throw new InvalidConfigException(List.of(Problem.of("request", "", "the body is empty")));
      }
      return node;
    } catch (IOException e) {
      throw new InvalidConfigException(
          List.of(Problem.of("request", "", "not JSON: " + e.getMessage().split("\n")[0])));
    }
  }
}
