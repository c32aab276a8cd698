package org.iprradar.alerts.account;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.iprradar.common.model.Account;

/**
 * Refuses a person's token once their account is disabled or changed by an administrator (roles,
 * bureau, district, password), instead of honouring it until it expires: a token carries the roles
 * and scope of the moment it was issued, and an analyst moved to another bureau or let go must not
 * keep the old access for the rest of its lifetime. Tokens whose subject is not an account (the
 * alerts instances' own peer token) are left to the signature and expiry checks.
 *
 * <p>The comparison is to the second, the precision of a token's issue time: a token issued within
 * the same second as a change still passes, unless the change disabled the account.
 */
@Singleton
final class AccountTokenValidator<T> implements GenericJwtClaimsValidator<T> {

  private final Accounts accounts;

  AccountTokenValidator(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean validate(@NonNull Claims claims, @Nullable T request) {
    if (!(claims.get(Claims.SUBJECT) instanceof String subject)) {
      return true;
    }
    var account = accounts.find(subject);
    return account.isEmpty() || stillValid(account.get(), issuedAt(claims.get(Claims.ISSUED_AT)));
  }

  static boolean stillValid(Account account, @Nullable Instant issuedAt) {
    if (account.disabled()) {
      return false;
    }
    // A token without an issue time cannot be placed after the change; only ours are accepted,
    // and ours carry one.
    return account.changedAt() == null
        || (issuedAt != null
            && !issuedAt.isBefore(account.changedAt().truncatedTo(ChronoUnit.SECONDS)));
  }

  private static @Nullable Instant issuedAt(Object claim) {
    if (claim instanceof Date date) {
      return date.toInstant();
    }
    if (claim instanceof Instant instant) {
      return instant;
    }
    if (claim instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return null;
  }
}
