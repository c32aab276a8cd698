package org.iprradar.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iprradar.ingest.validate.FieldError;

/**
 * What happened to one record of a request.
 *
 * @param index position in the request, from 0
 * @param line line of an NDJSON body, from 1; absent for JSON bodies
 * @param key {@code platform:listingId} of an accepted record
 * @param status {@code accepted} or {@code rejected}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(
    int index, Integer line, String key, String status, List<FieldError> errors) {

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
}
