package org.iprradar.alerts.store;

/**
 * The alert store cannot be read right now (starting, restoring or rebalancing); try again shortly.
 */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
