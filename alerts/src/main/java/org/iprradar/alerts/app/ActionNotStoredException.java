package org.iprradar.alerts.app;

/** Kafka did not acknowledge an action in time; the client may retry it. */
public final class ActionNotStoredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ActionNotStoredException(String message, Throwable cause) {
    super(message, cause);
  }
}
