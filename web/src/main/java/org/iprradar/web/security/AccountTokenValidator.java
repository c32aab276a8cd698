package org.iprradar.web.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.iprradar.common.model.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a person's token once their account is disabled or changed by an administrator (roles,
 * bureau, district, password), instead of honouring it until it expires: a token carries the roles
 * and scope of the moment it was issued, and an analyst moved to another bureau or let go must not
 * keep the old access for the rest of its lifetime. Tokens whose subject is not an account (the
 * alerts instances' own peer token) are left to the signature and expiry checks.
 *
 * <p>Every service checks this, not only alerts where people sign in: an operator let go must not
 * go on changing rules on ingest or detect deployed apart. Until a service has read the accounts to
 * their end (it starts while Kafka is away), it refuses people's tokens: it cannot tell whether
 * they were revoked.
 *
 * <p>The comparison is to the second, the precision of a token's issue time: a token issued within
 * the same second as a change still passes, unless the change disabled the account.
 */
@Singleton
@Requires(beans = AccountDirectory.class)
final class AccountTokenValidator<T> implements GenericJwtClaimsValidator<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AccountTokenValidator.class);

  private final AccountDirectory accounts;

  AccountTokenValidator(AccountDirectory accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean validate(@NonNull Claims claims, @Nullable T request) {
    if (!(claims.get(Claims.SUBJECT) instanceof String subject)) {
      return true;
    }
    if (!accounts.ready()) {
      LOG.warn("Refused a token of {}: the accounts have not been read yet", subject);
      return false;
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
