package org.iprradar.ingest.partners;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.iprradar.common.model.Partner;
import org.iprradar.web.security.Caller;
import org.iprradar.web.security.Roles;
import org.reactivestreams.Publisher;

/**
 * Authenticates a partner's program by its API key, sent as {@code X-Api-Key: <key>} or {@code
 * Authorization: ApiKey <key>}. A known, live key makes the request the partner's, with role
 * PARTNER and its platforms; an unknown, revoked or malformed key is refused with 401 rather than
 * treated as anonymous, so that a partner sees at once that its key stopped working. A request
 * without a key is left to the other fetchers (people's bearer tokens).
 */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

  static final String HEADER = "X-Api-Key";
  private static final String SCHEME = "apikey ";

  private final PartnerStore store;

  ApiKeyAuthenticationFetcher(PartnerStore store) {
    this.store = store;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    Optional<String> presented = presentedKey(request);
    if (presented.isEmpty()) {
      return Publishers.empty();
    }
    Optional<Partner> partner = store.authenticate(presented.get());
    if (partner.isEmpty()) {
      return Publishers.just(
          new ApiKeyRejectedException(
              "the API key is unknown or revoked; ask the IPR Radar administrator for a new one"));
    }
    Partner p = partner.get();
    return Publishers.just(
        new Caller(
                p.partnerId(),
                Set.of(Roles.PARTNER),
                Optional.empty(),
                Optional.empty(),
                new TreeSet<>(p.platforms()))
            .authentication());
  }

  static Optional<String> presentedKey(HttpRequest<?> request) {
    String key = request.getHeaders().get(HEADER);
    if (key != null && !key.isBlank()) {
      return Optional.of(key.strip());
    }
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (authorization != null
        && authorization.length() > SCHEME.length()
        && authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.of(authorization.substring(SCHEME.length()).strip());
    }
    return Optional.empty();
  }
}
