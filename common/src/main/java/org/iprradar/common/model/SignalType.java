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
  PRICE_BELOW_BAND,
  /**
   * A protected brand's listing priced within the brand's reference band, as a genuine product
   * would be: a negative contribution that weakens the other signals, never below a score of 0.
   */
  PRICE_WITHIN_BAND,
  /**
   * A claim no genuine product can make, such as a compound fertiliser with more nutrients than
   * physically fit in it.
   */
  IMPLAUSIBLE_CLAIM,
  /**
   * The seller's record: blacklisted, penalised for counterfeiting before, or earlier alerts
   * confirmed. It only strengthens another positive signal of the listing, never stands alone.
   */
  SELLER_HISTORY,
  /**
   * The listing's category is a focus of the enforcement plan (food, drugs, agricultural inputs
   * ...). Only strengthens another positive signal.
   */
  CATEGORY_PRIORITY,
  /**
   * The listing was seen in a season when its category's counterfeits peak (spring ploughing for
   * seeds, the weeks before Spring Festival for food). Only strengthens another positive signal.
   */
  SEASONAL_WINDOW,
  /** A cross-border (export) listing of a protected brand: marked for customs. */
  CROSS_BORDER,
  /**
   * Another seller linked to this one by a shared identity or contact detail has a record
   * (blacklist, penalties, confirmed alerts). Weighs less than the seller's own history and only
   * strengthens another positive signal.
   */
  SELLER_NETWORK,
  /** Complaints about the listing (and its seller) in the 30 days before the listing's time. */
  COMPLAINTS,
  /** Many more complaints in the last 7 days than the listing and seller usually get. */
  COMPLAINT_SURGE
}
