package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.iprradar.alerts.TestAlerts;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.Bureau;
import org.iprradar.common.model.TriageActionType;
import org.junit.jupiter.api.Test;

class AlertCodecTest {

  private static final JsonSerde<Alert> JSON = new JsonSerde<>(Alert.class);
  private static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

  private static Alert alert(String seller) {
    return TestAlerts.alert(seller, new Bureau("amr-chongchuan", "崇川区市场监管局", null), "320602", AT);
  }

  @Test
  void writesTheBytesOfTheProjectsJson() {
    var codec = new AlertCodec();
    Alert alert = alert("s1");
    assertArrayEquals(JSON.write(alert), codec.write(alert));
    assertEquals(alert, codec.read(JSON.write(alert)));
  }

  @Test
  void anAlertWrittenTwiceIsSerialisedOnce() {
    var codec = new AlertCodec(0);
    Alert alert = alert("s1");
    assertSame(codec.write(alert), codec.write(alert));
  }

  @Test
  void readingBytesItWroteGivesTheAlertBuiltNotAnotherParse() {
    var codec = new AlertCodec();
    Alert alert = alert("s1");
    byte[] bytes = codec.write(alert).clone();
    assertSame(alert, codec.read(bytes));
  }

  @Test
  void anOlderVersionOfTheAlertIsParsedFromItsOwnBytes() {
    var codec = new AlertCodec();
    Alert before = alert("s1");
    byte[] stored = JSON.write(before);
    Alert after =
        TestAlerts.acted(before, TriageActionType.ASSIGN, AlertStatus.ASSIGNED, AT.plusSeconds(5));
    codec.write(after);
    // What the store holds after an aborted transaction: the bytes before the fold.
    Alert read = codec.read(stored);
    assertEquals(before, read);
    assertNotSame(after, read);
    assertEquals(AlertStatus.OPEN, read.status());
  }

  @Test
  void bytesOfTheSameLengthThatDifferAreParsed() {
    var codec = new AlertCodec();
    Alert s1 = alert("s1");
    byte[] written = codec.write(s1);
    byte[] other =
        new String(written, StandardCharsets.UTF_8)
            .replace("\"s1\"", "\"s2\"")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(written.length, other.length);
    assertEquals("s2", codec.read(other).sellerId());
  }

  @Test
  void keepsNoMoreThanItsBytes() {
    byte[] one = JSON.write(alert("s0"));
    var codec = new AlertCodec(one.length * 10L);
    Alert first = alert("s0");
    codec.write(first);
    Alert newest = first;
    for (int i = 1; i < 100; i++) {
      newest = alert("s" + i);
      codec.write(newest);
    }
    assertTrue(codec.cached() <= 10, "kept " + codec.cached());
    assertTrue(codec.cached() >= 5, "kept " + codec.cached());
    // The newest are the ones kept, the oldest parsed again.
    assertSame(newest, codec.read(JSON.write(newest)));
    assertNotSame(first, codec.read(JSON.write(first)));
  }
}
