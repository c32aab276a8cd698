package org.iprradar.ingest.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.iprradar.ingest.publish.SaturatedException;
import org.iprradar.ingest.validate.BodyFormatException;
import org.iprradar.ingest.validate.Fields;
import org.iprradar.ingest.validate.RawRecord;
import org.iprradar.ingest.validate.RecordSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every feed's controller does with a request: read the body (gzip, size limit), split it,
 * ingest it, and answer. 202 once Kafka holds every accepted record; 200 when every valid record
 * was a duplicate; 400 when no record is valid; 413 above the size limit; 503 with Retry-After when
 * Kafka did not take the records or the server is saturated.
 *
 * <p>Partners authenticate by API key in front of this class; {@link PlatformCheck} then refuses,
 * before anything is validated or sent, a request naming a platform that is not the partner's.
 */
@Singleton
final class IngestEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(IngestEndpoint.class);
  static final String NDJSON = "application/x-ndjson";
  static final String[] CONSUMES = {"application/json", NDJSON, "application/jsonl", "text/plain"};

  private final FeedIngestor ingestor;
  private final PlatformCheck platforms;
  private final long maxRequestBytes;
  private final Executor afterAcknowledgement;

  /**
   * @param afterAcknowledgement where what follows Kafka's acknowledgement runs (the history of a
   *     change): the application's pool for blocking work, not the common pool, which on a two-CPU
   *     machine starts a thread for every task
   */
  IngestEndpoint(
      FeedIngestor ingestor,
      PlatformCheck platforms,
      @Value("${ipr.ingest.max-request-bytes:10485760}") long maxRequestBytes,
      @Named(TaskExecutors.BLOCKING) Executor afterAcknowledgement) {
    this.ingestor = ingestor;
    this.platforms = platforms;
    this.maxRequestBytes = maxRequestBytes;
    this.afterAcknowledgement = afterAcknowledgement;
  }

  /**
   * @param single true for a PUT of one record at its URL: an array or several lines is refused
   */
  <T> CompletableFuture<HttpResponse<?>> handle(
      Feed<T> feed,
      byte[] body,
      String contentType,
      String contentEncoding,
      Map<String, String> pathParameters,
      boolean single) {
    return handle(feed, body, contentType, contentEncoding, pathParameters, single, null);
  }

  /**
   * @param accepted what else to write once Kafka took the accepted records (the history of a
   *     rule's change), given the accepted values; the answer waits for it, null for nothing
   */
  <T> CompletableFuture<HttpResponse<?>> handle(
      Feed<T> feed,
      byte[] body,
      String contentType,
      String contentEncoding,
      Map<String, String> pathParameters,
      boolean single,
      Function<List<T>, CompletableFuture<?>> accepted) {
    List<RawRecord> records;
    try {
      byte[] bytes =
          RequestBodies.read(body == null ? new byte[0] : body, contentEncoding, maxRequestBytes);
      String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
      boolean ndjson = type.startsWith(NDJSON) || type.startsWith("application/jsonl");
      records = RecordSplitter.split(bytes, ndjson);
      if (single
          && (records.size() != 1
              || (records.get(0).json() != null && records.get(0).json().isArray()))) {
        throw new BodyFormatException(
            "this URL takes exactly one "
                + feed.name()
                + " record as a JSON object, got "
                + records.size());
      }
    } catch (PayloadTooLargeException e) {
      return done(
          HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
              .body(new ErrorResponse("payload_too_large", e.getMessage())));
    } catch (BodyFormatException e) {
      return done(HttpResponse.badRequest(new ErrorResponse("malformed_body", e.getMessage())));
    }
    HttpResponse<?> refused = platforms.refusal(feed, records, pathParameters);
    if (refused != null) {
      return done(refused);
    }
    try {
      if (accepted == null) {
        return ingestor
            .ingest(feed, records, pathParameters)
            .<HttpResponse<?>>thenApply(IngestEndpoint::answer)
            .exceptionally(IngestEndpoint::kafkaFailed);
      }
      return ingestor
          .ingest(feed, records, pathParameters, r -> Map.of())
          // Async: the acknowledgement completes on the producer's I/O thread, and a send from
          // there waits for metadata that only that thread can fetch.
          .thenComposeAsync(
              outcome -> {
                var values = new ArrayList<T>();
                for (var sent : outcome.sent()) {
                  // Validated again to have the value as accepted; the same check passed a moment
                  // ago.
                  values.add(feed.validator().validate(sent.source(), pathParameters).value());
                }
                if (values.isEmpty()) {
                  return CompletableFuture.completedFuture(outcome.response());
                }
                return accepted
                    .apply(values)
                    .handle(
                        (done, error) -> {
                          if (error != null) {
                            throw new HistoryNotWrittenException(error);
                          }
                          return outcome.response();
                        });
              },
              afterAcknowledgement)
          .<HttpResponse<?>>thenApply(IngestEndpoint::answer)
          .exceptionally(IngestEndpoint::kafkaFailed);
    } catch (SaturatedException e) {
      return done(saturated(e));
    }
  }

  /**
   * Deletes the record whose id the URL names (a rule, a brand): 400 with {@code error} when the id
   * is not an identifier, else a tombstone, then what {@code deleted} writes for the id (its
   * history).
   */
  CompletableFuture<HttpResponse<?>> deleteById(
      Feed<?> feed,
      String idField,
      String rawId,
      String error,
      Function<String, CompletableFuture<?>> deleted) {
    var fields = new Fields(null);
    String id = fields.pathIdentifier(idField, rawId);
    if (id == null) {
      return done(
          HttpResponse.badRequest(new ErrorResponse(error, fields.errors().get(0).reason())));
    }
    return delete(feed, id, () -> deleted.apply(id));
  }

  /** Writes a tombstone for {@code key}. */
  CompletableFuture<HttpResponse<?>> delete(Feed<?> feed, String key) {
    return delete(feed, key, null);
  }

  /**
   * Writes a tombstone for {@code key}, then what {@code deleted} writes (its history); null for
   * nothing.
   */
  CompletableFuture<HttpResponse<?>> delete(
      Feed<?> feed, String key, Supplier<CompletableFuture<?>> deleted) {
    try {
      return ingestor
          .delete(feed, key)
          .thenComposeAsync(
              response ->
                  deleted == null
                      ? CompletableFuture.completedFuture(response)
                      : deleted
                          .get()
                          .handle(
                              (done, error) -> {
                                if (error != null) {
                                  throw new HistoryNotWrittenException(error);
                                }
                                return response;
                              }),
              afterAcknowledgement)
          .<HttpResponse<?>>thenApply(IngestEndpoint::answer)
          .exceptionally(IngestEndpoint::kafkaFailed);
    } catch (SaturatedException e) {
      return done(saturated(e));
    }
  }

  private static HttpResponse<?> answer(IngestResponse response) {
    if (response.accepted() > 0) {
      return HttpResponse.status(HttpStatus.ACCEPTED).body(response);
    }
    return response.duplicates() > 0
        ? HttpResponse.ok(response)
        : HttpResponse.badRequest(response);
  }

  private static HttpResponse<?> kafkaFailed(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof SaturatedException s) {
      return saturated(s);
    }
    if (cause instanceof HistoryNotWrittenException) {
      LOG.error("A change is in force but its history entry was not written", cause.getCause());
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "5")
          .body(
              new ErrorResponse(
                  "history_unavailable",
                  "the change is stored and in force, but its history entry was not written;"
                      + " send it again to record it: "
                      + cause.getCause().getMessage()));
    }
    LOG.error("Kafka did not acknowledge a batch", cause);
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .body(
            new ErrorResponse(
                "kafka_unavailable",
                "the records were not stored; retry the whole request: " + cause.getMessage()));
  }

  private static MutableHttpResponse<?> saturated(SaturatedException e) {
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "1")
        .body(new ErrorResponse("saturated", e.getMessage()));
  }

  private static CompletableFuture<HttpResponse<?>> done(HttpResponse<?> response) {
    return CompletableFuture.completedFuture(response);
  }
}
