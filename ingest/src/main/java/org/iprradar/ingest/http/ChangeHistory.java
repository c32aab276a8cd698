package org.iprradar.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.publish.Outgoing;
import org.iprradar.web.security.Actor;

/**
 * Writes a change of a rule or brand made through ingest to the history topic detect's operator API
 * keeps ({@code rule-changes}), in the same form, so that the history shows every change whichever
 * API made it. Ingest does not hold the rules in force: the value before is not known ({@code
 * before} null, every field of the value listed as changed) and a delete records version 0.
 */
@Singleton
final class ChangeHistory {

  /** Detect's {@code OperatorTopics.RULE_CHANGES}: append-only, kept forever, created by detect. */
  static final String TOPIC = "rule-changes";

  /** Who changes, when no signed-in caller does: what the operator API's clients send. */
  static final String CHANGED_BY = "X-Changed-By";

  static final String ANONYMOUS = "ingest-api";

  private final FeedPublisher publisher;
  private final Clock clock;

  @Inject
  ChangeHistory(FeedPublisher publisher) {
    this(publisher, Clock.systemUTC());
  }

  ChangeHistory(FeedPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  /** The signed-in caller once security is on; else the header; else {@value #ANONYMOUS}. */
  static String actor(HttpRequest<?> request) {
    return Actor.of(request.getUserPrincipal().orElse(null), request.getHeaders().get(CHANGED_BY))
        .orElse(ANONYMOUS);
  }

  /**
   * Records that {@code value} (a rule or brand as accepted) was put under {@code id}.
   *
   * @param kind {@code rule} or {@code brand}
   */
  CompletableFuture<?> put(String kind, String id, Object value, String actor) {
    JsonNode after = Json.mapper().valueToTree(value);
    var fields = new ArrayList<String>();
    if (after instanceof ObjectNode object) {
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!name.equals("version") && !object.get(name).isNull()) {
          fields.add(name);
        }
      }
    }
    fields.sort(null);
    return write(kind, id, after.path("version").asInt(0), "PUT", actor, after, fields);
  }

  /** Records that {@code id} was deleted. */
  CompletableFuture<?> delete(String kind, String id, String actor) {
    return write(kind, id, 0, "DELETE", actor, null, List.of());
  }

  private CompletableFuture<?> write(
      String kind,
      String id,
      int version,
      String action,
      String actor,
      JsonNode after,
      List<String> changedFields) {
    // The fields and their order of detect's ConfigChange, which reads these records back.
    var change = new LinkedHashMap<String, Object>();
    change.put("kind", kind);
    change.put("id", id);
    change.put("version", version);
    change.put("action", action);
    change.put("changedBy", actor);
    change.put("changedAt", clock.instant());
    change.put("before", null);
    change.put("after", after);
    change.put("changedFields", changedFields);
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(change);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the change of " + kind + " " + id, e);
    }
    return publisher.publish(List.of(new Outgoing(TOPIC, kind + ":" + id, bytes, Map.of())));
  }
}
