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
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.web.ErrorBody;
import org.iprradar.web.security.Roles;

/**
 * The operators' API for rules and brands under {@code /api/v1/operator}: list, get, save with
 * validation, disable, delete, history, dry run, performance, YAML export and import. Every change
 * names who made it in the {@value #CHANGED_BY} header.
 */
@Secured({Roles.OPERATOR, Roles.ADMIN})
@Controller("/api/v1/operator")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class OperatorController {

  public static final String CHANGED_BY = "X-Changed-By";
  static final String YAML = "application/yaml";

  private final OperatorService service;
  private final DryRun dryRun;
  private final PerformanceReader performance;

  OperatorController(OperatorService service, DryRun dryRun, PerformanceReader performance) {
    this.service = service;
    this.dryRun = dryRun;
    this.performance = performance;
  }

  @Get(value = "/rules", produces = MediaType.APPLICATION_JSON)
  public Object rules() {
    return service.rules();
  }

  // Declared before /rules/{ruleId}; its literal segment also wins over the variable.
  @Get(value = "/rules/performance", produces = MediaType.APPLICATION_JSON)
  public List<RulePerformance> performance() {
    return performance.read();
  }

  @Get(value = "/rules.yaml", produces = YAML)
  public String rulesYaml() {
    return ConfigYaml.write(service.rules(), null);
  }

  @Get(value = "/brands.yaml", produces = YAML)
  public String brandsYaml() {
    return ConfigYaml.write(null, service.brands());
  }

  @Get(value = "/config.yaml", produces = YAML)
  public String allYaml() {
    return ConfigYaml.write(service.rules(), service.brands());
  }

  @Get(value = "/rules/{ruleId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> rule(@PathVariable String ruleId) {
    return service
        .rule(ruleId)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> notFound("rule", ruleId));
  }

  @Put(
      value = "/rules/{ruleId}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> putRule(
      @PathVariable String ruleId,
      @Body byte[] body,
      @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return HttpResponse.ok(service.saveRule(ruleId, json(body), actor));
  }

  @Post(
      value = "/rules",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> createRule(
      @Body byte[] body, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    JsonNode node = json(body);
    String id = node.path("id").asText(null);
    if (id != null && service.rule(id).isPresent()) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(
              new ErrorBody("exists", "rule " + id + " exists; PUT /rules/" + id + " changes it"));
    }
    return HttpResponse.created(service.saveRule(id, node, actor));
  }

  @Post(value = "/rules/{ruleId}/disable", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> disable(
      @PathVariable String ruleId, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return service
        .setEnabled(ruleId, false, actor)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> notFound("rule", ruleId));
  }

  @Post(value = "/rules/{ruleId}/enable", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> enable(
      @PathVariable String ruleId, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return service
        .setEnabled(ruleId, true, actor)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> notFound("rule", ruleId));
  }

  @Delete(value = "/rules/{ruleId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> deleteRule(
      @PathVariable String ruleId, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return service.deleteRule(ruleId, actor) ? HttpResponse.noContent() : notFound("rule", ruleId);
  }

  @Get(value = "/rules/{ruleId}/history", produces = MediaType.APPLICATION_JSON)
  public List<ConfigChange> ruleHistory(@PathVariable String ruleId) {
    return service.history(ConfigChange.RULE, ruleId);
  }

  @Get(value = "/brands", produces = MediaType.APPLICATION_JSON)
  public Object brands() {
    return service.brands();
  }

  @Get(value = "/brands/{brandId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> brand(@PathVariable String brandId) {
    return service
        .brand(brandId)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> notFound("brand", brandId));
  }

  @Put(
      value = "/brands/{brandId}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> putBrand(
      @PathVariable String brandId,
      @Body byte[] body,
      @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return HttpResponse.ok(service.saveBrand(brandId, json(body), actor));
  }

  @Delete(value = "/brands/{brandId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> deleteBrand(
      @PathVariable String brandId, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    return service.deleteBrand(brandId, actor)
        ? HttpResponse.noContent()
        : notFound("brand", brandId);
  }

  @Get(value = "/brands/{brandId}/history", produces = MediaType.APPLICATION_JSON)
  public List<ConfigChange> brandHistory(@PathVariable String brandId) {
    return service.history(ConfigChange.BRAND, brandId);
  }

  @Post(
      value = "/dry-run",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public DryRunResult dryRun(@Body byte[] body) {
    JsonNode node = json(body);
    try {
      return dryRun.run(Json.mapper().treeToValue(node, DryRunRequest.class));
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(
          List.of(Problem.of("dry-run", "", "not a dry-run request: " + e.getOriginalMessage())));
    }
  }

  /** Takes the YAML of an export; writes nothing unless every entry is valid. */
  @Post(
      value = "/import",
      consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public ImportSummary importYaml(
      @Body byte[] body, @Nullable @Header(CHANGED_BY) String changedBy) {
    String actor = ScoringController.actor(changedBy, principal());
    var entries = ConfigYaml.read(new String(body, StandardCharsets.UTF_8));
    return service.importAll(entries.rules(), entries.brands(), actor);
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

  /** Who the security filter authenticated for the request being served, if anyone. */
  private static java.security.Principal principal() {
    return ServerRequestContext.currentRequest()
        .flatMap(HttpRequest::getUserPrincipal)
        .orElse(null);
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

  private static HttpResponse<?> notFound(String kind, String id) {
    return HttpResponse.notFound(Map.of("error", "not_found", "message", "no " + kind + " " + id));
  }
}
