package org.iprradar.common.model;

/** Where a signal's contribution to the score comes from. */
public enum SignalType {
  /** An operator rule over the listing text matched. */
  TEXT_RULE,
  /**
   * The listing names a protected brand (or one of its aliases) and is not the brand's own shop.
   */
  BRAND_MENTION,
  /** A protected brand's listing priced far below the brand's reference band. */
  PRICE_BELOW_BAND
}
