package org.iprradar.ingest.partners;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.iprradar.ingest.validate.IdentityHasher;
import org.junit.jupiter.api.Test;

/** A production deployment refuses to start with the embedded default's demo credentials. */
class ProductionCheckTest {

  private static String refusal(Map<String, Object> properties) {
    var error =
        assertThrows(
            RuntimeException.class,
            () -> ApplicationContext.builder().properties(properties).start().close());
    var text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  @Test
  void productionRefusesTheDemoPartnerAndTheDemoOrMissingIdentityKey() {
    String demoPartner =
        refusal(
            Map.of(
                "ipr.profile", "production",
                "ipr.security.demo-partner.enabled", true,
                "ipr.security.identity-key", "a-real-secret-of-this-deployment"));
    assertTrue(demoPartner.contains("refuses the demo partner"), demoPartner);

    String demoKey =
        refusal(
            Map.of(
                "ipr.profile", "production", "ipr.security.identity-key", IdentityHasher.DEMO_KEY));
    assertTrue(demoKey.contains("IPR_IDENTITY_KEY"), demoKey);

    String noKey = refusal(Map.of("ipr.profile", "PRODUCTION"));
    assertTrue(noKey.contains("IPR_IDENTITY_KEY"), noKey);
  }

  @Test
  void theEmbeddedDefaultStartsWithThem() {
    try (var context =
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "ipr.security.demo-partner.enabled",
                    true,
                    "ipr.security.identity-key",
                    IdentityHasher.DEMO_KEY))
            .start()) {
      assertTrue(context.getBean(PartnerStore.class).authenticate(DemoPartner.KEY).isPresent());
    }
  }
}
