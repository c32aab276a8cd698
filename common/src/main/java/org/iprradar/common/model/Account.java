package org.iprradar.common.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who signs in: what the {@code accounts} topic keeps, keyed by the account name.
 *
 * @param name the sign-in name, lower case; also who the audit and the alerts' history name
 * @param displayName the name the UI shows
 * @param roles the roles held (the web module's {@code Roles} constants)
 * @param bureau the bureau id an analyst works for; null for roles not scoped to one
 * @param district the GB/T 2260 district code within that bureau an analyst is scoped to, or null
 * @param passwordHash the OpenBSD bcrypt hash ({@code $2y$...}) of the password; never the password
 * @param disabled true when the account may no longer sign in; accounts are disabled, not deleted,
 *     so that the history keeps naming someone who existed
 * @param changedBy the account that made this version (or {@code bootstrap} at start-up)
 * @param changedAt when
 */
public record Account(
    String name,
    String displayName,
    Set<String> roles,
    String bureau,
    String district,
    String passwordHash,
    boolean disabled,
    String changedBy,
    Instant changedAt) {

  public Account {
    Objects.requireNonNull(name, "name");
    roles = roles == null ? Set.of() : Set.copyOf(new TreeSet<>(roles));
    displayName = displayName == null || displayName.isBlank() ? name : displayName;
  }

  /** This account as a client may see it: everything but the password hash. */
  public Account withoutHash() {
    return new Account(
        name, displayName, roles, bureau, district, null, disabled, changedBy, changedAt);
  }
}
