package org.iprradar.standalone;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.iprradar.web.security.ProductionGuard;
import org.iprradar.web.security.Roles;

/**
 * Bearer tokens the integration tests sign themselves with the embedded default's secret, as the
 * system's own sign-in would: tests about something other than access control act as {@link
 * #superuser()}, and the access tests make tokens that are expired or scoped.
 */
final class TestTokens {

  private TestTokens() {}

  /**
   * A token holding every role but ANALYST (a supervisor sees every bureau), so that a test of the
   * pipeline can write, read, triage and operate without signing in as several people.
   */
  static String superuser() {
    return mint(
        "it-superuser",
        List.of(Roles.SUPERVISOR, Roles.OPERATOR, Roles.ADMIN, Roles.PARTNER),
        Map.of(),
        Instant.now().plus(Duration.ofHours(2)));
  }

  /** A token signed with the embedded default's secret. */
  static String mint(
      String name, List<String> roles, Map<String, Object> attributes, Instant expires) {
    return mint(name, roles, attributes, expires, ProductionGuard.DEMO_SECRET);
  }

  static String mint(
      String name,
      List<String> roles,
      Map<String, Object> attributes,
      Instant expires,
      String secret) {
    var claims =
        new JWTClaimsSet.Builder()
            .subject(name)
            .claim("roles", roles)
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(expires));
    attributes.forEach(claims::claim);
    var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
