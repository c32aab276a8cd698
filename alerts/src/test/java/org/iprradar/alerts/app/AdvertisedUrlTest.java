package org.iprradar.alerts.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * {@code ipr.alerts.advertised-url}, the address other alerts instances ask this one at, and {@code
 * ipr.alerts.peer-timeout}.
 */
class AdvertisedUrlTest {

  @Test
  void shouldTakeHostAndPortOfTheUrl() {
    assertEquals(new HostInfo("alerts-2", 8083), PeerSettings.advertised("http://alerts-2:8083"));
    assertEquals(new HostInfo("10.0.0.7", 80), PeerSettings.advertised(" http://10.0.0.7:80/ "));
  }

  @Test
  void shouldMeanASingleInstanceWhenUnset() {
    assertNull(PeerSettings.advertised(null));
    assertNull(PeerSettings.advertised("  "));
  }

  @Test
  void shouldRefuseAnAddressPeersCannotUse() {
    for (String bad : new String[] {"alerts-2:8083", "http://alerts-2", "https://alerts-2:8443"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> PeerSettings.advertised(bad));
      assertEquals(
          "ipr.alerts.advertised-url must be http://host:port (with the port), was '" + bad + "'",
          e.getMessage());
    }
  }

  @Test
  void shouldRefuseAPeerTimeoutThatIsNotPositive() {
    var config =
        new AlertsConfiguration("classpath:config/routing.yaml", "http://a:8083", Duration.ZERO);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerSettings.queries(config, () -> null, () -> null));
    assertEquals("ipr.alerts.peer-timeout must be positive, e.g. 2s, was PT0S", e.getMessage());
  }
}
