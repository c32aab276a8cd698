package org.iprradar.web.security;

import java.util.Optional;
import org.iprradar.common.model.Account;

/**
 * People's accounts as the token check needs them: whether the directory has read every account
 * yet, and the account a token's subject names.
 */
public interface AccountDirectory {

  /** True once every account written before the service started has been read. */
  boolean ready();

  /** The latest version of the named account, if there is one. */
  Optional<Account> find(String name);
}
