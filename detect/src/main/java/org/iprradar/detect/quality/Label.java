package org.iprradar.detect.quality;

import org.iprradar.common.model.InfringementType;

/**
 * What a person decided about a listing.
 *
 * @param infringing whether the listing should become a lead
 * @param type the infringement, {@link InfringementType#NONE} when not infringing
 * @param brandId the brand concerned, or null
 * @param why the reason, in a sentence
 */
public record Label(boolean infringing, InfringementType type, String brandId, String why) {
  public Label {
    type = type == null ? InfringementType.NONE : type;
    why = why == null ? "" : why;
  }
}
