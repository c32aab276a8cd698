package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.publish.Outgoing;
import org.iprradar.web.security.Actor;

/**
 * Writes a change of a rule or brand made through ingest to the history topic detect's operator API
 * keeps ({@code rule-changes}), as the same {@link ConfigChange} records, so that the history shows
 * every change whichever API made it. Ingest does not hold the rules in force: the value before is
 * not known ({@code before} null, every field of the value listed as changed) and a delete records
 * version 0.
 */
@Singleton
final class ChangeHistory {

  /** The history, append-only and kept forever; detect's operator API reads it back. */
  static final String TOPIC = Topics.RULE_CHANGES.name();

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
    var change =
        new ConfigChange(
            kind, id, version, action, actor, clock.instant(), null, after, changedFields);
    byte[] bytes = Topics.RULE_CHANGES.valueSerde().serializer().serialize(TOPIC, change);
    return publisher.publish(List.of(new Outgoing(TOPIC, change.key(), bytes, Map.of())));
  }
}
