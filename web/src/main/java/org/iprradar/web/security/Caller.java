package org.iprradar.web.security;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as every service sees it once the security filter has authenticated the request:
 * a person signed in with a token, or a partner's program with an API key.
 *
 * <p>The scope travels in the token's claims (attribute names below), so a service checks it
 * without asking the one that issued the token.
 *
 * @param name the account name or partner id; it is what the audit records as "who"
 * @param roles the {@link Roles} held
 * @param bureau the bureau an analyst works for, when the role is scoped to one
 * @param district the district within that bureau, when the analyst is scoped further
 * @param platforms the platform ids a partner may write for; empty for people
 */
public record Caller(
    String name,
    Set<String> roles,
    Optional<String> bureau,
    Optional<String> district,
    Set<String> platforms) {

  public static final String BUREAU = "bureau";
  public static final String DISTRICT = "district";
  public static final String PLATFORMS = "platforms";

  public Caller {
    roles = Set.copyOf(roles);
    platforms = Set.copyOf(platforms);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** Reads a caller back from what the security filter authenticated. */
  public static Caller of(Authentication authentication) {
    Map<String, Object> attributes = authentication.getAttributes();
    return new Caller(
        authentication.getName(),
        new TreeSet<>(authentication.getRoles()),
        text(attributes.get(BUREAU)),
        text(attributes.get(DISTRICT)),
        strings(attributes.get(PLATFORMS)));
  }

  /** The attributes to put in a token or an authentication so that {@link #of} reads them back. */
  public Map<String, Object> attributes() {
    var attributes = new HashMap<String, Object>();
    bureau.ifPresent(b -> attributes.put(BUREAU, b));
    district.ifPresent(d -> attributes.put(DISTRICT, d));
    if (!platforms.isEmpty()) {
      attributes.put(PLATFORMS, List.copyOf(new TreeSet<>(platforms)));
    }
    return attributes;
  }

  /** An authentication for this caller, as a login or an API-key check hands to Micronaut. */
  public Authentication authentication() {
    return Authentication.build(name, List.copyOf(new TreeSet<>(roles)), attributes());
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank()
        ? Optional.empty()
        : Optional.of(value.toString());
  }

  private static Set<String> strings(Object value) {
    var result = new TreeSet<String>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> result.add(String.valueOf(v)));
    } else if (value != null) {
      result.add(value.toString());
    }
    return result;
  }
}
