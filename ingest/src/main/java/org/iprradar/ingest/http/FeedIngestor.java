package org.iprradar.ingest.http;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.publish.Outgoing;
import org.iprradar.ingest.validate.FieldError;
import org.iprradar.ingest.validate.RawRecord;
import org.iprradar.ingest.validate.Verdict;
import org.iprradar.ingest.versions.ListingVersions;

/**
 * Validates and publishes the records of one request or one file batch: the pipeline shared by
 * every feed, the HTTP controllers and the file loader.
 */
@Singleton
public final class FeedIngestor {

  /** Header with the record as the partner sent it, when ingest normalised it. */
  public static final String ORIGINAL_HEADER = "ipr.original";

  /**
   * Header with a versioned record's version, so that the version table of every ingest instance
   * can follow the topic without parsing each record: the version's ASCII digits, then {@code @}
   * and the writing instance's tag, so that an instance passes over its own records.
   */
  public static final String VERSION_HEADER = "ipr.version";

  /**
   * The most bytes one record may take in Kafka, key, value and headers together. Below the
   * producer's and broker's default limit of 1 MiB, with room for the batch overhead: a larger
   * record could never be written, so it is refused as bad input rather than answered 503 and
   * retried forever.
   */
  public static final int MAX_RECORD_BYTES = 1_000_000;

  private final FeedPublisher publisher;

  public FeedIngestor(FeedPublisher publisher) {
    this.publisher = publisher;
  }

  /** The outcome of a batch: the per-record results and the Kafka metadata of what was sent. */
  public record Outcome(IngestResponse response, List<Sent> sent) {}

  /** One record Kafka acknowledged, with the request record it came from. */
  public record Sent(RawRecord source, RecordMetadata metadata) {}

  public <T> CompletableFuture<IngestResponse> ingest(
      Feed<T> feed, List<RawRecord> records, Map<String, String> pathParameters) {
    return ingest(feed, records, pathParameters, r -> Map.of()).thenApply(Outcome::response);
  }

  /**
   * Validates every record, drops listing versions already kept, and sends the rest. The future
   * completes once Kafka acknowledged every accepted record, or fails if it did not; in that case
   * no version reservation is kept, so a retry is not answered as a duplicate.
   *
   * @param headers extra headers per record (the file loader marks each with its file and line)
   * @throws org.iprradar.ingest.publish.SaturatedException when too many records are in flight
   */
  public <T> CompletableFuture<Outcome> ingest(
      Feed<T> feed,
      List<RawRecord> records,
      Map<String, String> pathParameters,
      Function<RawRecord, Map<String, String>> headers) {
    var results = new ArrayList<RecordResult>(records.size());
    var outgoing = new ArrayList<Outgoing>();
    var sentFrom = new ArrayList<RawRecord>();
    var reservations = new ArrayList<ListingVersions.Reservation>();
    int accepted = 0;
    int duplicates = 0;
    for (RawRecord record : records) {
      Verdict<T> v = feed.validator().validate(record, pathParameters);
      Integer line = record.line() > 0 ? record.line() : null;
      if (!v.valid()) {
        results.add(
            new RecordResult(record.index(), line, null, RecordResult.REJECTED, v.errors()));
        continue;
      }
      long version = feed.versions() == null ? 0 : feed.versionOf().applyAsLong(v.value());
      byte[] value = feed.serialize(v.value());
      Map<String, byte[]> recordHeaders =
          headersOf(
              record,
              v.normalised(),
              version > 0 ? feed.versions().versionHeader(version) : null,
              headers.apply(record));
      int size = sizeOf(v.key(), value, recordHeaders);
      if (size > MAX_RECORD_BYTES) {
        results.add(
            new RecordResult(
                record.index(),
                line,
                v.key(),
                RecordResult.REJECTED,
                List.of(
                    new FieldError(
                        "(record)",
                        "takes "
                            + size
                            + " bytes in Kafka (with the record as sent, kept beside it), above"
                            + " the limit of "
                            + MAX_RECORD_BYTES
                            + "; shorten its longest fields or leave out fields ingest does not"
                            + " know"))));
        continue;
      }
      if (version > 0) {
        var reservation = feed.versions().reserve(v.key(), version);
        if (reservation == null) {
          duplicates++;
          results.add(
              new RecordResult(record.index(), line, v.key(), RecordResult.DUPLICATE, null));
          continue;
        }
        reservations.add(reservation);
      }
      accepted++;
      results.add(new RecordResult(record.index(), line, v.key(), RecordResult.ACCEPTED, null));
      outgoing.add(new Outgoing(feed.topic().name(), v.key(), value, recordHeaders));
      sentFrom.add(record);
    }
    var response =
        new IngestResponse(accepted, duplicates, records.size() - accepted - duplicates, results);
    if (outgoing.isEmpty()) {
      return CompletableFuture.completedFuture(new Outcome(response, List.of()));
    }
    CompletableFuture<List<RecordMetadata>> acks;
    try {
      acks = publisher.publish(outgoing);
    } catch (RuntimeException e) {
      reservations.forEach(r -> feed.versions().release(r));
      throw e;
    }
    return acks.handle(
        (metadata, error) -> {
          if (error != null) {
            reservations.forEach(r -> feed.versions().release(r));
            throw error instanceof RuntimeException re
                ? re
                : new java.util.concurrent.CompletionException(error);
          }
          var sent = new ArrayList<Sent>(metadata.size());
          for (int i = 0; i < metadata.size(); i++) {
            sent.add(new Sent(sentFrom.get(i), metadata.get(i)));
          }
          return new Outcome(response, sent);
        });
  }

  /** A tombstone that deletes {@code key} from a compacted feed (a rule, a brand). */
  public CompletableFuture<IngestResponse> delete(Feed<?> feed, String key) {
    var outgoing = new Outgoing(feed.topic().name(), key, null, Map.of());
    return publisher
        .publish(List.of(outgoing))
        .thenApply(
            ignored ->
                new IngestResponse(
                    1, 0, 0, List.of(new RecordResult(0, null, key, RecordResult.ACCEPTED, null))));
  }

  /** The key's length in UTF-8, counted without encoding it. */
  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static int sizeOf(String key, byte[] value, Map<String, byte[]> headers) {
    int keyBytes = utf8Length(key);
    int size = keyBytes + value.length;
    for (var header : headers.entrySet()) {
      size += header.getKey().length() + header.getValue().length;
    }
    return size;
  }

  private static Map<String, byte[]> headersOf(
      RawRecord record, boolean normalised, byte[] version, Map<String, String> extra) {
    if (!normalised && extra.isEmpty()) {
      // The common case, a version or nothing: no map to build and copy per record.
      return version != null ? Map.of(VERSION_HEADER, version) : Map.of();
    }
    var headers = new HashMap<String, byte[]>();
    if (version != null) {
      headers.put(VERSION_HEADER, version);
    }
    if (normalised) {
      try {
        headers.put(ORIGINAL_HEADER, Json.mapper().writeValueAsBytes(record.json()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a parsed record could not be written back as JSON", e);
      }
    }
    extra.forEach((k, v) -> headers.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }
}
