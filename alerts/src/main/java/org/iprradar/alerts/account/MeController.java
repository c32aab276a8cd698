package org.iprradar.alerts.account;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import org.iprradar.web.security.Caller;

/**
 * {@code GET /api/v1/me}: who the token is for, so the UI can show the signed-in name and only the
 * pages the roles allow.
 */
@Secured(SecurityRule.IS_AUTHENTICATED)
@Controller("/api/v1/me")
public final class MeController {

  /** The signed-in caller. */
  public record Me(
      String name, String displayName, List<String> roles, String bureau, String district) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  public Me me(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Object display = authentication.getAttributes().get("displayName");
    return new Me(
        caller.name(),
        display == null ? caller.name() : display.toString(),
        List.copyOf(new java.util.TreeSet<>(caller.roles())),
        caller.bureau().orElse(null),
        caller.district().orElse(null));
  }
}
