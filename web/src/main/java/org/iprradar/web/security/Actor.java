package org.iprradar.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import java.security.Principal;
import java.util.Optional;

/**
 * Who made a change, as histories record it. Once a caller is signed in, that name wins over any
 * name the request claims (a header, a body field), so a history cannot be written in someone
 * else's name; the claimed name counts only where security is switched off.
 */
public final class Actor {

  private Actor() {}

  /**
   * The signed-in caller's name, else the claimed name stripped, else empty.
   *
   * @param principal what the security filter authenticated, or null
   * @param claimed the name the request gives, or null
   */
  public static Optional<String> of(@Nullable Principal principal, @Nullable String claimed) {
    if (principal instanceof Authentication authentication) {
      return Optional.of(Caller.of(authentication).name());
    }
    return claimed == null || claimed.isBlank() ? Optional.empty() : Optional.of(claimed.strip());
  }
}
