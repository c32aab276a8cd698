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
import org.iprradar.ingest.validate.BrandValidator;
import org.iprradar.web.security.Roles;

/**
 * {@code PUT /api/v1/brands/{brandId}}: a rights holder registers or replaces a brand; {@code
 * DELETE} writes a tombstone that removes it from detection. Each change is also recorded in the
 * operators' history ({@link ChangeHistory}).
 */
@Secured({Roles.OPERATOR, Roles.ADMIN})
@Controller("/api/v1/brands")
public final class BrandController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;
  private final ChangeHistory history;

  BrandController(IngestEndpoint endpoint, Feeds feeds, ChangeHistory history) {
    this.endpoint = endpoint;
    this.feeds = feeds;
    this.history = history;
  }

  @Put(
      value = "/{brandId}",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> put(
      @PathVariable String brandId,
      @Body byte[] body,
      @Header(value = "Content-Type", defaultValue = "") String contentType,
      @Header(value = "Content-Encoding", defaultValue = "") String contentEncoding,
      HttpRequest<?> request) {
    String actor = ChangeHistory.actor(request);
    return endpoint.handle(
        feeds.brands(),
        body,
        contentType,
        contentEncoding,
        Map.of(BrandValidator.BRAND_ID, brandId),
        true,
        brands -> history.put("brand", brands.get(0).brandId(), brands.get(0), actor));
  }

  @Delete(value = "/{brandId}", produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> delete(
      @PathVariable String brandId, HttpRequest<?> request) {
    String actor = ChangeHistory.actor(request);
    return endpoint.deleteById(
        feeds.brands(),
        BrandValidator.BRAND_ID,
        brandId,
        "invalid_brand_id",
        id -> history.delete("brand", id, actor));
  }
}
