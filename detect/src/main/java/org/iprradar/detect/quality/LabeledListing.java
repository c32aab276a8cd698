package org.iprradar.detect.quality;

import java.util.Objects;
import org.iprradar.common.model.Listing;

/** A listing with the verdict a person gave it. */
public record LabeledListing(Listing listing, Label label) {
  public LabeledListing {
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(label, "label");
  }
}
