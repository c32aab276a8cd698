package org.iprradar.alerts.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.iprradar.alerts.store.Visibility;
import org.iprradar.web.security.Caller;
import org.iprradar.web.security.Roles;

/**
 * Which alerts the caller of a request may see: every alert for a supervisor, the analyst's bureau
 * (and district) otherwise. The police bureau is read from the routing in force at each request, so
 * a routing change that names another police bureau applies at once.
 */
@Singleton
public final class CallerScope {

  private final RoutingService routing;

  CallerScope(RoutingService routing) {
    this.routing = routing;
  }

  /**
   * Who made the request, or null when nobody is authenticated (security switched off in a test or
   * benchmark configuration). Read from the request rather than bound as a controller argument, so
   * the controllers work the same with security off.
   */
  public static Authentication authentication(HttpRequest<?> request) {
    return request.getUserPrincipal(Authentication.class).orElse(null);
  }

  /** The visibility of the request's caller; see {@link #of(Authentication)}. */
  public Visibility of(HttpRequest<?> request) {
    return of(authentication(request));
  }

  /**
   * The caller's visibility, or null when they see every alert (a supervisor, or no caller at all
   * because security is switched off in a test configuration).
   */
  public Visibility of(Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    Caller caller = Caller.of(authentication);
    if (caller.has(Roles.SUPERVISOR)) {
      return null;
    }
    String police = routing.current().table().escalation().policeBureau();
    return new Visibility(caller.bureau().orElse(null), caller.district().orElse(null), police);
  }
}
