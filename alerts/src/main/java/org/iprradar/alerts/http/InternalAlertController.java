package org.iprradar.alerts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.alerts.store.PeerQuery;
import org.iprradar.common.json.Json;
import org.iprradar.web.security.Roles;

/**
 * What one alerts instance asks another ({@code HttpPeerAlerts}): reads of this instance's own
 * store, never forwarded further. Not part of the public API; bodies are written with the project's
 * one JSON mapper, the same that reads them on the other side.
 */
@Hidden
@Secured({Roles.SUPERVISOR})
@Controller("/internal/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class InternalAlertController {

  private final AlertsService alerts;

  InternalAlertController(AlertsService alerts) {
    this.alerts = alerts;
  }

  /** The alert from this instance's store; 503 when its partition is not (or no longer) here. */
  @Get("/{id}")
  public HttpResponse<?> get(@PathVariable String id) throws JsonProcessingException {
    var found = alerts.queries().findHere(id);
    if (found.isEmpty()) {
      return HttpResponse.notFound(new ApiError("not_found", "no alert with id " + id));
    }
    return json(Json.mapper().writeValueAsString(found.get()));
  }

  /** This instance's first alerts that pass the query's filter, with how many pass here. */
  @Post(uri = "/query", consumes = MediaType.APPLICATION_JSON)
  public HttpResponse<?> query(@Body String body) throws JsonProcessingException {
    PeerQuery query;
    try {
      query = Json.mapper().readValue(body, PeerQuery.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return HttpResponse.badRequest(
          new ApiError("bad_query", "not a peer query: " + e.getMessage()));
    }
    return json(Json.mapper().writeValueAsString(alerts.queries().pageHere(query)));
  }

  private static HttpResponse<String> json(String body) {
    return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
