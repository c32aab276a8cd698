package org.iprradar.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.iprradar.ingest.validate.BodyFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/listings}: one listing, a JSON array, or NDJSON. 202 once Kafka holds every
 * accepted record, with per-record results; 400 when no record is valid; 503 when Kafka did not
 * take the records.
 */
@Controller("/api/v1/listings")
public final class ListingController {

  private static final Logger LOG = LoggerFactory.getLogger(ListingController.class);
  static final String NDJSON = "application/x-ndjson";

  private final ListingIngestor ingestor;

  ListingController(ListingIngestor ingestor) {
    this.ingestor = ingestor;
  }

  @Post(
      consumes = {MediaType.APPLICATION_JSON, NDJSON, "application/jsonl", MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> post(
      @Body byte[] body, @Header(value = "Content-Type", defaultValue = "") String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    boolean ndjson = type.startsWith(NDJSON) || type.startsWith("application/jsonl");
    CompletableFuture<IngestResponse> result;
    try {
      result = ingestor.ingest(body, ndjson);
    } catch (BodyFormatException e) {
      return CompletableFuture.completedFuture(
          HttpResponse.badRequest(new ErrorResponse("malformed_body", e.getMessage())));
    }
    return result
        .<HttpResponse<?>>thenApply(
            response ->
                response.accepted() == 0
                    ? HttpResponse.badRequest(response)
                    : HttpResponse.status(HttpStatus.ACCEPTED).body(response))
        .exceptionally(
            error -> {
              LOG.error("Kafka did not acknowledge a listing batch", error);
              return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                  .header("Retry-After", "5")
                  .body(
                      new ErrorResponse(
                          "kafka_unavailable",
                          "the records were not stored; retry the whole request: "
                              + error.getMessage()));
            });
  }
}
