package org.iprradar.ingest.http;

import java.util.List;

/** The answer to an ingest request: counts and one result per record, in request order. */
public record IngestResponse(
    int accepted, int duplicates, int rejected, List<RecordResult> results) {
  public IngestResponse {
    results = List.copyOf(results);
  }
}
