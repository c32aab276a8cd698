package org.iprradar.alerts.app;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.iprradar.alerts.account.Accounts;
import org.iprradar.web.security.Roles;

/**
 * The bearer token one alerts instance shows another on the internal endpoints: a short-lived
 * supervisor token named {@value #NAME}, signed with the deployment's token secret like people's.
 * The asking instance has already narrowed the query to its own caller's visibility (it travels in
 * the query), so the peer needs to see everything, and no person's token is forwarded.
 */
final class PeerToken implements Supplier<String> {

  static final String NAME = Accounts.PEER;
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  private final TokenGenerator generator;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  PeerToken(TokenGenerator generator, Clock clock) {
    this.generator = generator;
    this.clock = clock;
  }

  /** A valid token; a new one once half of the current one's life is over. */
  @Override
  public synchronized String get() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(renewAt)) {
      var peer = Authentication.build(NAME, List.of(Roles.SUPERVISOR), Map.of());
      token =
          generator
              .generateToken(peer, (int) LIFETIME.toSeconds())
              .orElseThrow(() -> new IllegalStateException("cannot sign the peer token"));
      renewAt = now.plus(LIFETIME.dividedBy(2));
    }
    return token;
  }
}
