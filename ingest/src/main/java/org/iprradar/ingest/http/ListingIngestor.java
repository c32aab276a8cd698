package org.iprradar.ingest.http;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.iprradar.common.model.Listing;
import org.iprradar.ingest.publish.ListingPublisher;
import org.iprradar.ingest.validate.BodyFormatException;
import org.iprradar.ingest.validate.ListingValidator;
import org.iprradar.ingest.validate.RecordSplitter;
import org.iprradar.ingest.validate.ValidatedListing;

/**
 * Splits, validates and publishes a batch of listings; the HTTP controller and the demo loader
 * share it.
 */
@Singleton
public final class ListingIngestor {

  private final ListingValidator validator = new ListingValidator(Clock.systemUTC());
  private final ListingPublisher publisher;

  ListingIngestor(ListingPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * Ingests a request body. The future completes with the per-record results once Kafka has
   * acknowledged every accepted record, or fails if Kafka did not.
   *
   * @throws BodyFormatException when the body cannot be split into records
   */
  public CompletableFuture<IngestResponse> ingest(byte[] body, boolean ndjson)
      throws BodyFormatException {
    var verdicts = RecordSplitter.split(body, ndjson).stream().map(validator::validate).toList();
    List<Listing> accepted =
        verdicts.stream().filter(ValidatedListing::valid).map(ValidatedListing::listing).toList();
    var response = respond(verdicts, accepted.size());
    if (accepted.isEmpty()) {
      return CompletableFuture.completedFuture(response);
    }
    return publisher.publish(accepted).thenApply(ignored -> response);
  }

  private static IngestResponse respond(List<ValidatedListing> verdicts, int acceptedCount) {
    var results = new ArrayList<RecordResult>();
    for (ValidatedListing v : verdicts) {
      Integer line = v.source().line() > 0 ? v.source().line() : null;
      results.add(
          v.valid()
              ? new RecordResult(
                  v.source().index(), line, v.listing().key(), RecordResult.ACCEPTED, null)
              : new RecordResult(
                  v.source().index(), line, null, RecordResult.REJECTED, v.errors()));
    }
    return new IngestResponse(acceptedCount, verdicts.size() - acceptedCount, results);
  }
}
