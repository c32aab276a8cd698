package org.iprradar.detect.score;

import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.SellerRecord;

/**
 * What is known about a listing's seller from outside the listing, as the topology found it.
 *
 * @param seller the seller's own record, or null when none is known
 * @param network the sellers linked to it by shared identity details, or null when it shares none
 * @param complaints the complaints counted for the listing and the seller, or null when complaints
 *     are not counted
 */
public record SellerContext(
    SellerRecord seller, LinkedSellers network, ComplaintCounts complaints) {

  /** Nothing known beyond the seller's own record (which may be null). */
  public static SellerContext of(SellerRecord seller) {
    return new SellerContext(seller, null, null);
  }
}
