package org.iprradar.alerts.app;

/** A client request id sent again with a different request: a client bug, never applied. */
public final class RequestIdReusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RequestIdReusedException(String alertId, String requestId) {
    super(
        "request id '"
            + requestId
            + "' was already used on alert "
            + alertId
            + " for a different request; a repeat must send the same action and details, a new"
            + " request a new id");
  }
}
