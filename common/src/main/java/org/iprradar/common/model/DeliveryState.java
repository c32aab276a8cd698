package org.iprradar.common.model;

/** Where the webhook delivery of one alert version to one bureau stands. */
public enum DeliveryState {
  /** An attempt failed and another one is due at {@code nextRetryAt}. */
  RETRYING,
  /** The bureau answered 2xx. */
  DELIVERED,
  /** Refused, or out of attempts; the version is on the dead-letter topic. */
  FAILED
}
