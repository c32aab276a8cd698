package org.iprradar.ingest.validate;

import java.util.List;
import org.iprradar.common.model.Listing;

/** The verdict on one record: the listing to publish, or the reasons it was refused. */
public record ValidatedListing(RawRecord source, Listing listing, List<FieldError> errors) {
  public ValidatedListing {
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return listing != null;
  }
}
