package org.iprradar.web.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.iprradar.web.security.Caller;
import org.reactivestreams.Publisher;

/**
 * Authenticates a test request by its {@code X-Test-Caller: name;ROLE,ROLE;bureau;platform} header,
 * as the sign-in and partner keys will once they land.
 */
@Singleton
@Requires(property = "audit-test.enabled", value = "true")
final class HeaderAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    String header = request.getHeaders().get("X-Test-Caller");
    if (header == null) {
      return Publishers.empty();
    }
    String[] parts = header.split(";", -1);
    var caller =
        new Caller(
            parts[0],
            Set.of(parts[1].split(",")),
            Optional.of(parts[2]).filter(s -> !s.isEmpty()),
            Optional.empty(),
            parts[3].isEmpty() ? Set.of() : Set.of(parts[3]));
    return Publishers.just(caller.authentication());
  }
}
