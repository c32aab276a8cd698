package org.iprradar.alerts.account;

/** No account has this name. */
public final class UnknownAccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownAccountException(String name) {
    super("no account named '" + name + "'");
  }
}
