package org.iprradar.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.iprradar.ingest.validate.FieldError;

/**
 * What happened to one record of a request.
 *
 * @param index position in the request, from 0
 * @param line line of an NDJSON body, from 1; absent for JSON bodies
 * @param key the Kafka key of an accepted or duplicate record, e.g. {@code platform:listingId}
 * @param status {@code accepted}, {@code duplicate} (a listing version already kept; not sent
 *     again) or {@code rejected}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(
    int index, Integer line, String key, String status, List<FieldError> errors) {

  public static final String ACCEPTED = "accepted";
  public static final String DUPLICATE = "duplicate";
  public static final String REJECTED = "rejected";
}
