package org.iprradar.common.metrics;

/**
 * The MDC keys the pipeline sets while it works on one thing, so that every log line about it can
 * be found (and, with JSON logs, filtered on). Identifiers only: never personal data.
 */
public final class LogKeys {

  /** {@code platform:listingId}, while a listing is validated, published or assessed. */
  public static final String LISTING_KEY = "listingKey";

  /** A rule's id, while it is loaded, refused or fails on a listing. */
  public static final String RULE_ID = "ruleId";

  /** {@code platform:sellerId:TYPE}, while an alert is folded or delivered. */
  public static final String ALERT_ID = "alertId";

  private LogKeys() {}
}
