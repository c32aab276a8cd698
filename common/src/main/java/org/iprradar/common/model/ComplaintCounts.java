package org.iprradar.common.model;

/**
 * The complaints known about a listing and its seller when it was assessed, counted back from the
 * listing's time; each complaint once, however often it was sent.
 *
 * @param listing30d complaints naming the listing in the 30 days before
 * @param seller30d complaints naming the seller in the 30 days before
 * @param last7d complaints naming the listing or the seller in the 7 days before
 * @param surge whether {@code last7d} is well above the usual rate of the listing and seller
 */
public record ComplaintCounts(int listing30d, int seller30d, int last7d, boolean surge) {

  /** No complaints. */
  public static final ComplaintCounts NONE = new ComplaintCounts(0, 0, 0, false);

  public ComplaintCounts {
    if (listing30d < 0 || seller30d < 0 || last7d < 0) {
      throw new IllegalArgumentException("complaint counts must not be negative");
    }
  }
}
