package org.iprradar.ingest.partners;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.Partner;
import org.iprradar.common.model.PartnerKey;
import org.iprradar.ingest.http.ErrorResponse;
import org.iprradar.web.security.Roles;

/**
 * {@code /api/v1/admin/partners}: administrators create partners, name the platforms each may write
 * for, issue API keys (shown once), list them (never the key nor its hash) and revoke them. A
 * partner may hold several live keys, so that it rotates without a gap.
 */
@Controller("/api/v1/admin/partners")
@Secured(Roles.ADMIN)
// Each change waits for Kafka's acknowledgement: off the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PartnerAdminController {

  /** A partner as the admin API shows it: its keys without their hashes. */
  public record PartnerView(
      String partnerId,
      String name,
      List<String> platforms,
      List<KeyView> keys,
      Instant updatedAt) {
    static PartnerView of(Partner p) {
      return new PartnerView(
          p.partnerId(),
          p.name(),
          p.platforms(),
          p.keys().stream().map(KeyView::of).toList(),
          p.updatedAt());
    }
  }

  /** A key without its secret or hash. */
  public record KeyView(
      String keyId, String label, Instant createdAt, Instant revokedAt, boolean live) {
    static KeyView of(PartnerKey k) {
      return new KeyView(k.keyId(), k.label(), k.createdAt(), k.revokedAt(), k.live());
    }
  }

  /** The answer to issuing a key: the only time the key itself is shown. */
  public record IssuedKey(String partnerId, String keyId, String key, String label, String note) {}

  private final PartnerAdmin admin;
  private final PartnerStore store;

  PartnerAdminController(PartnerAdmin admin, PartnerStore store) {
    this.admin = admin;
    this.store = store;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public List<PartnerView> list() {
    return store.all().stream()
        .sorted(Comparator.comparing(Partner::partnerId))
        .map(PartnerView::of)
        .toList();
  }

  @Get(value = "/{partnerId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> get(@PathVariable String partnerId) {
    return store
        .get(partnerId)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(PartnerView.of(p)))
        .orElseGet(() -> notFound(partnerId));
  }

  /** Body {@code {"name": "...", "platforms": ["taobao", "tmall"]}}. */
  @Put(
      value = "/{partnerId}",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> save(@PathVariable String partnerId, @Body byte[] body) {
    if (!PartnerAdmin.PARTNER_ID.matcher(partnerId).matches()) {
      return invalid(
          "partnerId must be 1 to 64 lower-case letters, digits, '_', '.' or '-', starting with a"
              + " letter or digit");
    }
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      return invalid("the body must be a JSON object with name and platforms");
    }
    JsonNode name = json.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      return invalid("name is required, a non-blank string");
    }
    JsonNode platformsNode = json.get("platforms");
    if (platformsNode == null || !platformsNode.isArray() || platformsNode.isEmpty()) {
      return invalid("platforms is required, a non-empty array of platform ids");
    }
    if (platformsNode.size() > 100) {
      return invalid("platforms may name at most 100 platform ids, had " + platformsNode.size());
    }
    var platforms = new ArrayList<String>();
    for (int i = 0; i < platformsNode.size(); i++) {
      JsonNode p = platformsNode.get(i);
      if (!p.isTextual() || !PartnerAdmin.PLATFORM.matcher(p.asText()).matches()) {
        return invalid(
            "platforms["
                + i
                + "] must be a platform id as listings carry it: 1 to 64 letters, digits, '_', '.'"
                + " or '-'");
      }
      platforms.add(p.asText());
    }
    boolean created = store.get(partnerId).isEmpty();
    Partner saved = admin.save(partnerId, name.asText().strip(), platforms);
    return HttpResponse.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(PartnerView.of(saved));
  }

  /** Body optional: {@code {"label": "2026 rotation"}}. */
  @Post(
      value = "/{partnerId}/keys",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> issue(@PathVariable String partnerId, @Nullable @Body byte[] body) {
    String label = null;
    if (body != null && body.length > 0) {
      JsonNode json = parse(body);
      if (json == null || !json.isObject()) {
        return invalid("the body, when present, must be a JSON object such as {\"label\": \"..\"}");
      }
      JsonNode l = json.get("label");
      if (l != null && !l.isNull()) {
        if (!l.isTextual() || l.asText().length() > 200) {
          return invalid("label must be a string of at most 200 characters");
        }
        label = l.asText().strip();
      }
    }
    String finalLabel = label;
    return admin
        .issue(partnerId, finalLabel)
        .<HttpResponse<?>>map(
            issued ->
                HttpResponse.created(
                    new IssuedKey(
                        partnerId,
                        issued.keyId(),
                        issued.key(),
                        finalLabel,
                        "Store this key now: it is not shown again. Send it as X-Api-Key.")))
        .orElseGet(() -> notFound(partnerId));
  }

  @Get(value = "/{partnerId}/keys", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> keys(@PathVariable String partnerId) {
    return store
        .get(partnerId)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(p.keys().stream().map(KeyView::of).toList()))
        .orElseGet(() -> notFound(partnerId));
  }

  @Delete(value = "/{partnerId}/keys/{keyId}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> revoke(@PathVariable String partnerId, @PathVariable String keyId) {
    return admin
        .revoke(partnerId, keyId)
        .<HttpResponse<?>>map(k -> HttpResponse.ok(KeyView.of(k)))
        .orElseGet(
            () ->
                HttpResponse.notFound(
                    new ErrorResponse(
                        "not_found", "partner '" + partnerId + "' has no key '" + keyId + "'")));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body == null ? null : Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static HttpResponse<?> invalid(String message) {
    return HttpResponse.badRequest(new ErrorResponse("invalid_partner", message));
  }

  private static HttpResponse<?> notFound(String partnerId) {
    return HttpResponse.notFound(new ErrorResponse("not_found", "no partner '" + partnerId + "'"));
  }
}
