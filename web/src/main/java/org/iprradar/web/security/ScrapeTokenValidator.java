package org.iprradar.web.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * The credential Prometheus scrapes {@code /prometheus} with: a random token the deployment sets
 * ({@code ipr.metrics.scrape-token}, {@code IPR_METRICS_SCRAPE_TOKEN}) and gives to its scrape
 * configuration. People's tokens expire within the hour, and a scraper holding one would need a
 * sidecar to sign in again; this one lasts until the deployment changes it, so it opens nothing but
 * the metrics: on any other path it is not even a credential, and its role (METRICS) is named by no
 * endpoint but {@code /prometheus}.
 *
 * <p>Made with the context, so that a token too short to be secret stops the start-up.
 */
@Context
@Requires(property = "ipr.metrics.scrape-token", pattern = ".+")
final class ScrapeTokenValidator<T> implements TokenValidator<T> {

  static final String PATH = "/prometheus";
  static final String SCRAPER = "metrics-scraper";
  static final int MIN_LENGTH = 32;

  private final byte[] token;

  ScrapeTokenValidator(@Value("${ipr.metrics.scrape-token}") String setting) {
    String token = setting.strip();
    if (token.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "IPR_METRICS_SCRAPE_TOKEN (ipr.metrics.scrape-token) must be a random value of at least "
              + MIN_LENGTH
              + " characters; it has "
              + token.length());
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Publisher<Authentication> validateToken(String presented, @Nullable T request) {
    // Constant time, so the answer's timing does not tell how much of a guess was right.
    if (request instanceof HttpRequest<?> http
        && PATH.equals(http.getPath())
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
      return Publishers.just(
          new Caller(SCRAPER, Set.of(Roles.METRICS), Optional.empty(), Optional.empty(), Set.of())
              .authentication());
    }
    // Not ours: people's tokens are the JWT validator's.
    return Publishers.empty();
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
