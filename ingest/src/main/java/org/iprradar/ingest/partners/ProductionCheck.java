package org.iprradar.ingest.partners;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import org.iprradar.ingest.validate.IdentityHasher;
import org.iprradar.web.security.ProductionGuard;

/**
 * Refuses to start a production deployment ({@code IPR_PROFILE=production}) with the embedded
 * default's demo credentials: the documented demo partner key, or the demo identity key, with which
 * anyone could reverse the identity hashes by hashing every phone number.
 */
@Context
final class ProductionCheck {

  ProductionCheck(
      Environment environment,
      @Value("${ipr.security.demo-partner.enabled:false}") boolean demoPartner,
      @Value("${ipr.security.identity-key:}") String identityKey) {
    // The same test of "production" as the sign-in checks, so one setting arms both.
    if (!ProductionGuard.isProduction(environment)) {
      return;
    }
    if (demoPartner) {
      throw new ConfigurationException(
          "IPR_PROFILE=production refuses the demo partner and its documented API key: set"
              + " ipr.security.demo-partner.enabled=false and issue keys through"
              + " /api/v1/admin/partners");
    }
    if (identityKey.isBlank() || IdentityHasher.DEMO_KEY.equals(identityKey)) {
      throw new ConfigurationException(
          "IPR_PROFILE=production needs its own identity key: set IPR_IDENTITY_KEY to a long random"
              + " secret shared by every ingest instance (the demo key, or none, is refused)");
    }
  }
}
