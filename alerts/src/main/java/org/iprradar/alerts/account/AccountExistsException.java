package org.iprradar.alerts.account;

/** An account is to be created under a name another account already has. */
public final class AccountExistsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccountExistsException(String name) {
    super("an account named '" + name + "' exists already; change it with PUT instead");
  }
}
