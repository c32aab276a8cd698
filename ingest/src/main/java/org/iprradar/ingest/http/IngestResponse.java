package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.iprradar.web.audit.RecordCount;

/** The answer to an ingest request: counts and one result per record, in request order. */
@JsonSerialize(using = IngestResponseWriter.class)
public record IngestResponse(int accepted, int duplicates, int rejected, List<RecordResult> results)
    implements RecordCount {
  public IngestResponse {
    results = List.copyOf(results);
  }

  @Override
  public int recordCount() {
    return results.size();
  }
}
