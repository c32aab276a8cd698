package org.iprradar.alerts.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** {@code ipr.alerts.advertised-url}: the address other alerts instances ask this one at. */
class AdvertisedUrlTest {

  @Test
  void shouldTakeHostAndPortOfTheUrl() {
    assertEquals(new HostInfo("alerts-2", 8083), AlertsService.advertised("http://alerts-2:8083"));
    assertEquals(new HostInfo("10.0.0.7", 80), AlertsService.advertised(" http://10.0.0.7:80/ "));
  }

  @Test
  void shouldMeanASingleInstanceWhenUnset() {
    assertNull(AlertsService.advertised(null));
    assertNull(AlertsService.advertised("  "));
  }

  @Test
  void shouldRefuseAnAddressPeersCannotUse() {
    for (String bad : new String[] {"alerts-2:8083", "http://alerts-2", "https://alerts-2:8443"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> AlertsService.advertised(bad));
      assertEquals(
          "ipr.alerts.advertised-url must be http://host:port (with the port), was '" + bad + "'",
          e.getMessage());
    }
  }
}
