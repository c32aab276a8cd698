package org.iprradar.alerts.app;

/** An action on an alert the store does not hold. */
public final class UnknownAlertException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownAlertException(String alertId) {
    super("no alert with id " + alertId);
  }
}
