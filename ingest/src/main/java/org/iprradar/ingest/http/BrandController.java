package org.iprradar.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.ingest.validate.BrandValidator;
import org.iprradar.web.security.Roles;

/** {@code PUT /api/v1/brands/{brandId}}: a rights holder registers or replaces a brand. */
@Secured({Roles.OPERATOR, Roles.ADMIN})
@Controller("/api/v1/brands")
public final class BrandController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;

  BrandController(IngestEndpoint endpoint, Feeds feeds) {
    this.endpoint = endpoint;
    this.feeds = feeds;
  }

  @Put(
      value = "/{brandId}",
      consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> put(
      @PathVariable String brandId,
      @Body byte[] body,
      @Header(value = "Content-Type", defaultValue = "") String contentType,
      @Header(value = "Content-Encoding", defaultValue = "") String contentEncoding) {
    return endpoint.handle(
        feeds.brands(),
        body,
        contentType,
        contentEncoding,
        Map.of(BrandValidator.BRAND_ID, brandId),
        true);
  }
}
