package org.iprradar.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.web.security.Roles;

/**
 * {@code POST /api/v1/listings}: one listing, a JSON array, or NDJSON, optionally gzip. A version
 * not higher than the one kept is answered {@code duplicate} and not sent again.
 */
@Secured({Roles.PARTNER})
@Controller("/api/v1/listings")
public final class ListingController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;

  ListingController(IngestEndpoint endpoint, Feeds feeds) {
    this.endpoint = endpoint;
    this.feeds = feeds;
  }

  @Post(
      consumes = {
        MediaType.APPLICATION_JSON,
        IngestEndpoint.NDJSON,
        "application/jsonl",
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> post(
      @Body byte[] body,
      @Header(value = "Content-Type", defaultValue = "") String contentType,
      @Header(value = "Content-Encoding", defaultValue = "") String contentEncoding) {
    return endpoint.handle(feeds.listings(), body, contentType, contentEncoding, Map.of(), false);
  }
}
