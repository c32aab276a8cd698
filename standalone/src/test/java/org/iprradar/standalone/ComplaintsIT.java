package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Complaint;
import org.iprradar.detect.app.DetectService;
import org.iprradar.detect.topology.DetectTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Complaints on a real broker: a complaint written to the topic before its listing exists raises
 * the listing's assessment when it arrives, on whatever partition; an unreadable complaint reaches
 * the dead-letter topic with its origin, and detect goes on.
 */
class ComplaintsIT {

  private static final Duration PIPELINE = Duration.ofSeconds(60);
  @TempDir Path dataDir;

  private Standalone app;
  private final ApiClient api = new ApiClient(() -> app.url());
  private final TopicClient topics = new TopicClient(() -> app.bootstrapServers());

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldRaiseAListingWithTheComplaintsThatCameBeforeIt() throws Exception {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("ipr.data-dir", dataDir.toString());
    props.put("ipr.kafka.partitions", 3);
    // One complaint on the listing must show, whatever the tuning elsewhere.
    props.put("ipr.detect.listing-complaint-weight", 10);
    app = Standalone.start(props);

    // Given garbage, then a rights holder's notice about listing cmp-1, which nobody has sent yet
    String receivedAt = Instant.now().minus(1, ChronoUnit.HOURS).toString();
    topics.send(Topics.COMPLAINTS.name(), "taobao:garbage", "{not a complaint");
    topics.send(
        Topics.COMPLAINTS.name(),
        "taobao:n-1",
        "{\"platform\":\"taobao\",\"complaintId\":\"n-1\",\"source\":\"RIGHTS_HOLDER\","
            + "\"listingId\":\"cmp-1\",\"sellerId\":\"cmp_seller\",\"text\":\"假冒我司商标\","
            + "\"receivedAt\":\""
            + receivedAt
            + "\"}");
    await().atMost(PIPELINE).ignoreExceptions().until(() -> complaintInForce("taobao:n-1"));

    // When the listing and a sibling without complaints arrive
    postListing("cmp-1");
    postListing("cmp-2");

    // Then the complained-about listing carries the count and the points, the sibling none
    JsonNode first = topics.awaitAssessment("taobao:cmp-1");
    assertEquals(1, first.get("complaints").get("listing30d").asInt(), first.toString());
    assertEquals(10.0, first.get("score").asDouble(), first.toString());
    assertTrue(first.toString().contains("\"COMPLAINTS\""), first.toString());
    JsonNode second = topics.awaitAssessment("taobao:cmp-2");
    assertEquals(0, second.get("complaints").get("listing30d").asInt(), second.toString());
    assertEquals(0.0, second.get("score").asDouble(), second.toString());

    // And the garbage is a dead letter naming the complaints topic, partition and offset
    var letter =
        topics.awaitRecord(
            Topics.DEAD_LETTERS.name(),
            r ->
                Topics.COMPLAINTS
                    .name()
                    .equals(DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC)));
    var headers = letter.headers();
    assertEquals("taobao:garbage", letter.key());
    assertEquals("{not a complaint", letter.value());
    assertTrue(DeadLetters.header(headers, DeadLetters.SOURCE_PARTITION) != null);
    assertEquals("0", DeadLetters.header(headers, DeadLetters.SOURCE_OFFSET));
    assertTrue(
        DeadLetters.header(headers, DeadLetters.REASON).contains("unreadable complaint"),
        DeadLetters.header(headers, DeadLetters.REASON));
  }

  private boolean complaintInForce(String key) {
    var store =
        app.context()
            .getBean(DetectService.class)
            .streamsApp()
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    DetectTopology.COMPLAINT_STORE,
                    QueryableStoreTypes.<String, Complaint>keyValueStore()));
    try (var all = store.all()) {
      while (all.hasNext()) {
        var kv = all.next();
        if (kv.key.endsWith(key)) {
          return true;
        }
      }
    }
    return false;
  }

  private void postListing(String id) throws Exception {
    String body =
        String.format(
            "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"南通 蓝印花布 桌旗 手工\","
                + "\"price\":39,\"sellerId\":\"cmp_seller\",\"sellerRegion\":\"320602\","
                + "\"category\":\"home\"}",
            id);
    var response = api.postJson("/api/v1/listings", body);
    assertEquals(202, response.statusCode(), response.body());
  }
}
