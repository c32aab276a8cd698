package org.iprradar.ingest.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.ingest.validate.RuleValidator;
import org.iprradar.web.security.Roles;

/**
 * {@code PUT /api/v1/rules/{ruleId}} adds or replaces an operator rule; {@code DELETE} writes a
 * tombstone that removes it. Ingest checks the rule's structure; detect compiles its query and logs
 * a rule it cannot compile. Each change is also recorded in the operators' history ({@link
 * ChangeHistory}), naming who made it.
 */
@Secured({Roles.OPERATOR, Roles.ADMIN})
@Controller("/api/v1/rules")
public final class RuleController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;
  private final ChangeHistory history;

  RuleController(IngestEndpoint endpoint, Feeds feeds, ChangeHistory history) {
    this.endpoint = endpoint;
    this.feeds = feeds;
    this.history = history;
  }

  @Put(
      value = "/{ruleId}",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> put(
      @PathVariable String ruleId,
      @Body byte[] body,
      @Header(value = "Content-Type", defaultValue = "") String contentType,
      @Header(value = "Content-Encoding", defaultValue = "") String contentEncoding,
      HttpRequest<?> request) {
    String actor = ChangeHistory.actor(request);
    return endpoint.handle(
        feeds.rules(),
        body,
        contentType,
        contentEncoding,
        Map.of(RuleValidator.RULE_ID, ruleId),
        true,
        rules -> history.put("rule", rules.get(0).id(), rules.get(0), actor));
  }

  @Delete(value = "/{ruleId}", produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> delete(
      @PathVariable String ruleId, HttpRequest<?> request) {
    String actor = ChangeHistory.actor(request);
    return endpoint.deleteById(
        feeds.rules(),
        RuleValidator.RULE_ID,
        ruleId,
        "invalid_rule_id",
        id -> history.delete("rule", id, actor));
  }
}
