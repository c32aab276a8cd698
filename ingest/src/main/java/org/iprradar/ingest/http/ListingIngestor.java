package org.iprradar.ingest.http;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.iprradar.ingest.validate.BodyFormatException;
import org.iprradar.ingest.validate.RecordSplitter;

/** Ingests a body of listings; the demo loader uses it like a partner's HTTP request. */
@Singleton
public final class ListingIngestor {

  private final FeedIngestor ingestor;
  private final Feeds feeds;

  ListingIngestor(FeedIngestor ingestor, Feeds feeds) {
    this.ingestor = ingestor;
    this.feeds = feeds;
  }

  /**
   * The future completes with the per-record results once Kafka has acknowledged every accepted
   * record, or fails if Kafka did not.
   *
   * @throws BodyFormatException when the body cannot be split into records
   */
  public CompletableFuture<IngestResponse> ingest(byte[] body, boolean ndjson)
      throws BodyFormatException {
    return ingestor.ingest(feeds.listings(), RecordSplitter.split(body, ndjson), Map.of());
  }
}
