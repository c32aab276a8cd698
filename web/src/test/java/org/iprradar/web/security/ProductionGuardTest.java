package org.iprradar.web.security;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

  private static Map<String, Object> production(String secret) {
    var props = new HashMap<String, Object>();
    props.put("ipr.profile", "production");
    props.put("micronaut.server.port", -1);
    props.put(ProductionGuard.SECRET_PROPERTY, secret);
    return props;
  }

  @Test
  void productionRefusesTheDemoSecretNamingTheSetting() {
    var e =
        assertThrows(
            RuntimeException.class,
            () -> ApplicationContext.run(production(ProductionGuard.DEMO_SECRET)).close());
    assertTrue(message(e).contains("IPR_TOKEN_SECRET"), message(e));
  }

  @Test
  void productionStartsWithASecretOfItsOwn() {
    try (var context = ApplicationContext.run(production("x".repeat(40)))) {
      assertTrue(context.isRunning());
    }
  }

  @Test
  void theEmbeddedDefaultStartsWithTheDemoSecret() {
    var props = production(ProductionGuard.DEMO_SECRET);
    props.put("ipr.profile", "embedded");
    try (var context = ApplicationContext.run(props)) {
      assertTrue(context.isRunning());
    }
  }

  private static String message(Throwable e) {
    var text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
