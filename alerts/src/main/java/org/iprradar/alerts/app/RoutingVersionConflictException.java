package org.iprradar.alerts.app;

/** A routing change made from another version than the one in force. */
public final class RoutingVersionConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RoutingVersionConflictException(int baseVersion, int inForce) {
    super(
        "the change was made from version "
            + baseVersion
            + " but version "
            + inForce
            + " is in force; read it, redo the change and send it again");
  }
}
