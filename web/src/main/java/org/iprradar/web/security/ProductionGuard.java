package org.iprradar.web.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.Locale;

/**
 * Refuses to start a production deployment that still signs tokens with the built-in demo secret:
 * anyone who read the source could otherwise sign themselves an administrator's token. Production
 * is {@code IPR_PROFILE=production} ({@code ipr.profile}) or Micronaut's {@code prod} environment;
 * docker/compose.yml sets the former. Every app has this check, since every app checks tokens.
 */
@Context
public final class ProductionGuard {

  /** The secret the embedded default signs with when {@code IPR_TOKEN_SECRET} is not set. */
  public static final String DEMO_SECRET = "ipr-radar-demo-token-secret-not-for-production-use";

  static final String SECRET_PROPERTY =
      "micronaut.security.token.jwt.signatures.secret.generator.secret";

  ProductionGuard(Environment environment) {
    if (!isProduction(environment)) {
      return;
    }
    String secret = environment.getProperty(SECRET_PROPERTY, String.class).orElse("");
    if (secret.isBlank() || secret.equals(DEMO_SECRET)) {
      throw new IllegalStateException(
          "production (IPR_PROFILE=production) refuses to start with the built-in demo token"
              + " secret: set IPR_TOKEN_SECRET to a random value of at least 32 characters, the"
              + " same for every service");
    }
    if (secret.length() < 32) {
      throw new IllegalStateException(
          "production (IPR_PROFILE=production) refuses a token secret shorter than 32"
              + " characters: IPR_TOKEN_SECRET has "
              + secret.length());
    }
  }

  /** Whether this is a production deployment, whose checks refuse demo settings. */
  public static boolean isProduction(Environment environment) {
    boolean profile =
        environment
            .getProperty("ipr.profile", String.class)
            .map(p -> p.strip().toLowerCase(Locale.ROOT))
            .filter(p -> p.equals("production") || p.equals("prod"))
            .isPresent();
    return profile || environment.getActiveNames().contains("prod");
  }
}
