package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.TestAlerts;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.AlertStatus;
import org.iprradar.common.model.Bureau;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.DeliveryState;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
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

  /**
   * Leads, actions and webhook outcomes folded at random into a few alerts, as the topology does:
   * read the stored bytes, fold, write. Every version must be the bytes Jackson writes, whether the
   * alert read back was kept (same object), parsed (the codec forgot it, or a new codec after a
   * restart) or read on another thread, and whether its assessments were re-assessed, reordered by
   * an older lead arriving late, or dropped beyond 50.
   */
  @Test
  void everyVersionFoldedFromStoredBytesIsTheBytesJacksonWrites() throws Exception {
    var folder =
        new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    var random = new Random(20261130);
    Map<String, byte[]> store = new HashMap<>();
    var codec = new AlertCodec(200_000);
    int spliced = 0;
    for (int step = 0; step < 3_000; step++) {
      if (random.nextInt(500) == 0) {
        codec = new AlertCodec(random.nextBoolean() ? 0 : 200_000);
      }
      String seller = "s" + random.nextInt(6);
      Lead lead =
          Leads.sold(
              seller + "-" + random.nextInt(70),
              seller,
              InfringementType.COUNTERFEIT_TRADEMARK,
              "luxury_bags",
              random.nextInt(2_000) + ".5",
              random.nextInt(40),
              random.nextInt(10) == 0,
              AT.plusSeconds(step - random.nextInt(30) * 60L),
              "rule-" + random.nextInt(5));
      byte[] stored = store.get(lead.key());
      Alert current = stored == null ? null : readMaybeElsewhere(codec, stored, random);
      Alert next;
      int kind = current == null ? 0 : random.nextInt(10);
      if (kind == 8) {
        next = TestAlerts.acted(current, TriageActionType.NOTE, current.status(), AT);
      } else if (kind == 9) {
        next =
            current.withDelivery(
                new DeliveryOutcome(
                    current.id(),
                    "MARKET_SUPERVISION",
                    "k" + step,
                    DeliveryState.DELIVERED,
                    1,
                    204,
                    null,
                    null,
                    AT));
      } else {
        next = folder.fold(lead, current);
      }
      byte[] written = codec.write(next);
      assertArrayEquals(JSON.write(next), written, "step " + step);
      // The topic's write of the same version is the same array.
      assertSame(written, codec.write(next));
      spliced += current != null && current.listings().size() > 1 ? 1 : 0;
      store.put(lead.key(), written);
    }
    assertTrue(spliced > 1_000, "folds onto a stored alert: " + spliced);
    assertTrue(
        JSON.read(store.get("taobao:s0:COUNTERFEIT_TRADEMARK")).listings().size()
            == AlertFolder.MAX_LISTINGS,
        "the alerts grew to their limit");
  }

  /** Reads on this thread, or on another one (an interactive query, another stream thread). */
  private static Alert readMaybeElsewhere(AlertCodec codec, byte[] stored, Random random)
      throws Exception {
    if (random.nextInt(4) != 0) {
      return codec.read(stored);
    }
    var read = new Alert[1];
    var reader = new Thread(() -> read[0] = codec.read(stored));
    reader.start();
    reader.join();
    return read[0];
  }

  @Test
  void anAssessmentStoredByAnOlderVersionKeepsItsJsonAndReadsTheSame() throws IOException {
    var codec = new AlertCodec(0);
    Alert before = alert("s1");
    // A stored alert whose assessment lacks the fields added since, as an older version wrote it.
    String old =
        new String(JSON.write(before), StandardCharsets.UTF_8)
            .replace(",\"crossBorder\":false", "");
    Alert read = codec.read(old.getBytes(StandardCharsets.UTF_8));
    Alert after = TestAlerts.acted(read, TriageActionType.NOTE, read.status(), AT.plusSeconds(5));
    byte[] written = codec.write(after);
    assertTrue(
        !new String(written, StandardCharsets.UTF_8).contains("\"crossBorder\""),
        "the assessment is copied as stored");
    assertEquals(after, JSON.read(written));
  }

  @Test
  void textThatLooksLikeTheListingsArrayDoesNotMisplaceTheCopy() throws IOException {
    var folder =
        new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    var codec = new AlertCodec();
    Alert alert = null;
    String[] tricky = {"a\",\"listings\":[{\"x\":1}],\\", "]}{[\"", "高仿 \\\" LV", "\u0001"};
    for (int i = 0; i < tricky.length * 2; i++) {
      Lead lead =
          Leads.lead(
              tricky[i % tricky.length] + i,
              "s1",
              "320602",
              InfringementType.COUNTERFEIT_TRADEMARK,
              "luxury_bags",
              50 + i,
              AT.plusSeconds(i));
      byte[] stored = alert == null ? null : codec.write(alert).clone();
      if (i % 2 == 1) {
        // A codec that has not seen the alert finds the assessments in the stored bytes.
        codec = new AlertCodec();
      }
      Alert current = codec.read(stored);
      alert = folder.fold(lead, current);
      assertArrayEquals(JSON.write(alert), codec.write(alert), "lead " + i);
    }
    assertEquals(tricky.length * 2, alert.listings().size());
  }
}
