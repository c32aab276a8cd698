package org.iprradar.alerts.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.iprradar.alerts.Leads;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.junit.jupiter.api.Test;

class ListingSpansTest {

  private static final JsonSerde<Alert> ALERT = new JsonSerde<>(Alert.class);
  private static final JsonSerde<Assessment> ASSESSMENT = new JsonSerde<>(Assessment.class);
  private static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

  @Test
  void findsEachAssessmentWhateverItsTextHolds() throws Exception {
    var folder =
        new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    String[] ids = {"a\",\"listings\":[{\"x\":1}],\\", "]}{[\"", "高仿 \\\" LV", "\u0001", "plain"};
    Alert alert = null;
    for (int i = 0; i < ids.length; i++) {
      alert =
          folder.fold(
              Leads.lead(
                  ids[i],
                  "s1",
                  "320602",
                  InfringementType.COUNTERFEIT_TRADEMARK,
                  "luxury_bags",
                  60,
                  AT.plusSeconds(i)),
              alert);
    }
    byte[] json = ALERT.write(alert);
    ListingSpans spans = ListingSpans.of(json);
    assertEquals(ids.length, spans.count());
    for (int i = 0; i < ids.length; i++) {
      assertArrayEquals(
          ASSESSMENT.write(alert.listings().get(i)),
          Arrays.copyOfRange(json, spans.starts()[i], spans.ends()[i]),
          "assessment " + i);
    }
    assertEquals('[', json[spans.open()]);
    assertEquals(']', json[spans.close()]);
  }

  @Test
  void anEmptyArrayHasNoSpansAndAMissingOneIsNull() {
    ListingSpans empty = ListingSpans.of(bytes("{\"id\":\"x\",\"listings\":[],\"n\":1}"));
    assertEquals(0, empty.count());
    assertEquals(empty.open() + 1, empty.close());
    // Only the alert's own array counts: not a nested one, not a string that reads like it.
    assertNull(
        ListingSpans.of(bytes("{\"a\":{\"listings\":[{}]},\"b\":\"\\\"listings\\\":[{}]\"}")));
    assertNull(ListingSpans.of(bytes("{\"listings\":[null]}")));
    assertNull(ListingSpans.of(bytes("{\"listings\":[{\"a\":\"unterminated}]}")));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
