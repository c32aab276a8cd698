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
 * {@code POST /api/v1/complaints}: consumer 12315 complaints, rights holders' notices and platform
 * exports; one, a JSON array, or NDJSON, optionally gzip. A complaint sent twice has the same key
 * ({@code platform:complaintId}) and counts once.
 */
@Secured({Roles.PARTNER})
@Controller("/api/v1/complaints")
public final class ComplaintController {

  private final IngestEndpoint endpoint;
  private final Feeds feeds;

  ComplaintController(IngestEndpoint endpoint, Feeds feeds) {
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
    return endpoint.handle(feeds.complaints(), body, contentType, contentEncoding, Map.of(), false);
  }
}
