package org.iprradar.alerts.account;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.iprradar.web.security.Caller;

/**
 * Checks {@code POST /login} against the account directory. Runs on the blocking executor (the
 * interface's default), since bcrypt is deliberately slow. A failure never says whether the name
 * exists: an unknown name, a wrong password and a disabled account answer alike.
 */
@Singleton
final class AccountAuthenticationProvider<B>
    implements HttpRequestExecutorAuthenticationProvider<B> {

  private final Accounts accounts;

  AccountAuthenticationProvider(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public @NonNull AuthenticationResponse authenticate(
      @Nullable HttpRequest<B> request,
      @NonNull AuthenticationRequest<String, String> credentials) {
    var account = accounts.signIn(credentials.getIdentity(), credentials.getSecret());
    if (account.isEmpty()) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    var a = account.get();
    var caller =
        new Caller(
            a.name(),
            a.roles(),
            Optional.ofNullable(a.bureau()),
            Optional.ofNullable(a.district()),
            java.util.Set.of());
    var attributes = new java.util.HashMap<>(caller.attributes());
    attributes.put("displayName", a.displayName());
    return AuthenticationResponse.success(a.name(), a.roles(), attributes);
  }
}
