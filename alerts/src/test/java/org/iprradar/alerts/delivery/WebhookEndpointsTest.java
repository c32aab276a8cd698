package org.iprradar.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iprradar.common.model.Bureau;
import org.junit.jupiter.api.Test;

class WebhookEndpointsTest {

  private static final List<Bureau> BUREAUS =
      List.of(new Bureau("MARKET_SUPERVISION", null, null), new Bureau("COPYRIGHT", null, null));

  @Test
  void shouldConfigureOnlyTheBureausWithAUrl() {
    var endpoints =
        WebhookEndpoints.from(
            BUREAUS,
            Map.of(
                "IPR_WEBHOOK_COPYRIGHT_URL", " https://copyright.example/hook ",
                "IPR_WEBHOOK_COPYRIGHT_SECRET", "s"));

    assertTrue(endpoints.of("MARKET_SUPERVISION").isEmpty());
    assertEquals(
        "https://copyright.example/hook", endpoints.of("COPYRIGHT").get().url().toString());
    assertFalse(endpoints.isEmpty());
    assertTrue(WebhookEndpoints.from(BUREAUS, Map.of()).isEmpty());
  }

  @Test
  void shouldRefuseAUrlWithoutSecretOrANonHttpUrl() {
    var missingSecret = Map.of("IPR_WEBHOOK_COPYRIGHT_URL", "https://copyright.example/hook");
    assertThrows(
        IllegalArgumentException.class, () -> WebhookEndpoints.from(BUREAUS, missingSecret));
    var ftp =
        Map.of(
            "IPR_WEBHOOK_COPYRIGHT_URL", "ftp://copyright.example/hook",
            "IPR_WEBHOOK_COPYRIGHT_SECRET", "s");
    assertThrows(IllegalArgumentException.class, () -> WebhookEndpoints.from(BUREAUS, ftp));
  }

  @Test
  void shouldKeepTheSecretOutOfItsText() {
    var endpoint =
        new WebhookEndpoint(
            "COPYRIGHT", java.net.URI.create("https://copyright.example/hook"), "hunter2");
    assertFalse(endpoint.toString().contains("hunter2"), endpoint.toString());
  }
}
