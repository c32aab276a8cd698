package org.iprradar.ingest.http;

import static org.iprradar.ingest.http.IngestServer.json;
import static org.iprradar.ingest.http.IngestServer.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Listings over HTTP: versions, gzip, size limit, UTF-8, normalisation, currency and Kafka
 * failures.
 */
class ListingIngestTest {

  private static String listing(String id, long version, String title) {
    return String.format(
        "{\"platform\":\"taobao\",\"listingId\":\"%s\",\"title\":\"%s\",\"price\":99,"
            + "\"sellerId\":\"tb_1\",\"version\":%d}",
        id, title, version);
  }

  private static String unversioned(String id) {
    return "{\"platform\":\"taobao\",\"listingId\":\""
        + id
        + "\",\"title\":\"t\",\"price\":1,\"sellerId\":\"s\"}";
  }

  private static String statuses(JsonNode body) {
    var out = new StringBuilder();
    body.get("results").forEach(r -> out.append(r.get("status").asText()).append(' '));
    return out.toString().strip();
  }

  @Test
  void shouldSendOnlyVersionsHigherThanTheOneKept() throws Exception {
    try (var server = new IngestServer()) {
      var first =
          server.postNdjson(
              "/api/v1/listings",
              String.join(
                  "\n", listing("a", 2, "v2"), listing("a", 1, "v1"), listing("a", 2, "v2 again")));
      var later = server.post("/api/v1/listings", listing("a", 3, "v3"));
      var onlyOld = server.post("/api/v1/listings", listing("a", 3, "v3 again"));

      assertEquals(202, first.statusCode(), first.body());
      assertEquals("accepted duplicate duplicate", statuses(json(first)));
      assertEquals(2, json(first).get("duplicates").asInt());
      assertEquals("taobao:a", json(first).get("results").get(1).get("key").asText());
      assertEquals(202, later.statusCode());
      assertEquals(200, onlyOld.statusCode(), "nothing new to keep, but nothing wrong either");
      assertEquals("duplicate", statuses(json(onlyOld)));
      var sent = server.sent("listings");
      assertEquals(2, sent.size());
      assertEquals("v2", value(sent.get(0)).get("title").asText());
      assertEquals("v3", value(sent.get(1)).get("title").asText());
    }
  }

  @Test
  void shouldAlwaysSendListingsWithoutAVersion() throws Exception {
    try (var server = new IngestServer()) {
      server.post("/api/v1/listings", unversioned("u"));
      var again = server.post("/api/v1/listings", unversioned("u"));

      assertEquals(202, again.statusCode());
      assertEquals(2, server.sent("listings").size());
    }
  }

  @Test
  void shouldReadAGzipBody() throws Exception {
    try (var server = new IngestServer()) {
      byte[] body = IngestServer.gzip(unversioned("g1") + "\n" + unversioned("g2"));
      var response = server.send("POST", "/api/v1/listings", "application/x-ndjson", body, true);

      assertEquals(202, response.statusCode(), response.body());
      assertEquals(2, server.sent("listings").size());
    }
  }

  @Test
  void shouldAnswer413AboveTheLimitAlsoWhenOnlyTheDecompressedBodyIsTooLarge() throws Exception {
    try (var server = new IngestServer(true, Map.of("ipr.ingest.max-request-bytes", 4_000))) {
      String big = (unversioned("x") + "\n").repeat(100); // about 7 kB
      var plain = server.postNdjson("/api/v1/listings", big);
      byte[] bomb = IngestServer.gzip(big);
      assertTrue(bomb.length < 4_000, "the compressed body itself is within the limit");
      var gzip = server.send("POST", "/api/v1/listings", "application/x-ndjson", bomb, true);
      var small = server.postNdjson("/api/v1/listings", unversioned("ok"));

      assertEquals(413, plain.statusCode(), plain.body());
      assertEquals("payload_too_large", json(plain).get("error").asText());
      assertEquals(413, gzip.statusCode(), gzip.body());
      assertEquals(202, small.statusCode());
      assertEquals(1, server.sent("listings").size());
    }
  }

  @Test
  void shouldRejectOnlyTheLineWithInvalidUtf8() throws Exception {
    try (var server = new IngestServer()) {
      var body = new ByteArrayOutputStream();
      body.write((unversioned("good-1") + "\n").getBytes(StandardCharsets.UTF_8));
      body.write("{\"platform\":\"taobao\",\"title\":\"".getBytes(StandardCharsets.UTF_8));
      body.write(new byte[] {(byte) 0xE9, (byte) 0x22}); // Latin-1 é, not UTF-8
      body.write("}\n".getBytes(StandardCharsets.UTF_8));
      body.write(unversioned("good-2").getBytes(StandardCharsets.UTF_8));
      var response =
          server.send(
              "POST", "/api/v1/listings", "application/x-ndjson", body.toByteArray(), false);

      assertEquals(202, response.statusCode(), response.body());
      JsonNode bad = json(response).get("results").get(1);
      assertEquals(2, bad.get("line").asInt());
      assertEquals("rejected", bad.get("status").asText());
      assertEquals(
          "invalid UTF-8 at byte offset 30 of the line",
          bad.get("errors").get(0).get("reason").asText());
      assertEquals(2, server.sent("listings").size());
    }
  }

  @Test
  void shouldRejectAPriceBeyondAnyNumberWithItsFieldInsteadOfFailing() throws Exception {
    try (var server = new IngestServer()) {
      var response =
          server.post(
              "/api/v1/listings",
              "[{\"platform\":\"taobao\",\"listingId\":\"inf\",\"title\":\"t\",\"price\":1e400,"
                  + "\"sellerId\":\"s\"},"
                  + "{\"platform\":\"taobao\",\"listingId\":\"huge\",\"title\":\"t\","
                  + "\"price\":1e15,\"sellerId\":\"s\"},"
                  + unversioned("fine")
                  + "]");

      assertEquals(202, response.statusCode(), response.body());
      assertEquals("rejected rejected accepted", statuses(json(response)));
      JsonNode results = json(response).get("results");
      assertEquals("price", results.get(0).get("errors").get(0).get("field").asText());
      assertEquals("price", results.get(1).get("errors").get(0).get("field").asText());
      assertEquals(1, server.sent("listings").size());
    }
  }

  @Test
  void shouldRejectARecordTooLargeForKafkaInsteadOfAskingForARetry() throws Exception {
    try (var server = new IngestServer()) {
      // A field ingest does not know is not length-checked, but it travels in the original.
      String unknown = "x".repeat(FeedIngestor.MAX_RECORD_BYTES);
      var response =
          server.post(
              "/api/v1/listings",
              "[{\"platform\":\"taobao\",\"listingId\":\"big\",\"title\":\" t\",\"price\":1,"
                  + "\"sellerId\":\"s\",\"notes\":\""
                  + unknown
                  + "\"},"
                  + unversioned("fine")
                  + "]");

      assertEquals(202, response.statusCode(), response.body());
      assertEquals("rejected accepted", statuses(json(response)));
      JsonNode error = json(response).get("results").get(0).get("errors").get(0);
      assertEquals("(record)", error.get("field").asText());
      assertTrue(error.get("reason").asText().contains("above the limit"), error.toString());
      assertEquals(1, server.sent("listings").size());
    }
  }

  @Test
  void shouldStoreNfcTextAndKeepTheOriginalInAHeader() throws Exception {
    try (var server = new IngestServer()) {
      String decomposed = "Cafe\u0301 ";
      var response = server.post("/api/v1/listings", listing("n", 1, decomposed));

      assertEquals(202, response.statusCode(), response.body());
      var record = server.sent("listings").get(0);
      assertEquals("Caf\u00e9", value(record).get("title").asText());
      var original = record.headers().lastHeader(FeedIngestor.ORIGINAL_HEADER);
      assertNotNull(original);
      assertEquals(
          decomposed,
          org.iprradar.common.json.Json.mapper().readTree(original.value()).get("title").asText());
    }
  }

  @Test
  void shouldConvertAPriceWithAConfiguredRateAndRefuseOneWithout() throws Exception {
    try (var server = new IngestServer(true, Map.of("ipr.ingest.cny-rates.USD", "7.10"))) {
      String usd =
          "{\"platform\":\"amazon\",\"listingId\":\"u1\",\"title\":\"t\",\"price\":10.5,"
              + "\"currency\":\"usd\",\"sellerId\":\"s\"}";
      var converted = server.post("/api/v1/listings", usd);
      var noRate = server.post("/api/v1/listings", usd.replace("usd", "EUR"));
      var unknown = server.post("/api/v1/listings", usd.replace("usd", "XYZ"));

      assertEquals(202, converted.statusCode(), converted.body());
      var record = server.sent("listings").get(0);
      assertEquals("74.55", value(record).get("price").decimalValue().toPlainString());
      assertEquals(
          "usd",
          org.iprradar.common.json.Json.mapper()
              .readTree(record.headers().lastHeader(FeedIngestor.ORIGINAL_HEADER).value())
              .get("currency")
              .asText(),
          "the original price and currency are kept");
      assertEquals(400, noRate.statusCode());
      assertTrue(json(noRate).toString().contains("no configured rate"), noRate.body());
      assertEquals(400, unknown.statusCode());
      assertTrue(json(unknown).toString().contains("ISO 4217"), unknown.body());
    }
  }

  @Test
  void shouldAnswer503WhenKafkaFailsAndAcceptTheSameVersionOnRetry() throws Exception {
    try (var server = new IngestServer(false, Map.of())) {
      var pending =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.post("/api/v1/listings", listing("k", 7, "t"));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Awaitility.await().until(() -> !server.producer.history().isEmpty());
      server.producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
      var failed = pending.get();

      assertEquals(503, failed.statusCode(), failed.body());
      assertEquals("5", failed.headers().firstValue("Retry-After").orElse(null));
      assertEquals("kafka_unavailable", json(failed).get("error").asText());

      var retry =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return server.post("/api/v1/listings", listing("k", 7, "t"));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Awaitility.await().until(() -> server.producer.history().size() == 2);
      server.producer.completeNext();
      var ok = retry.get();
      assertEquals(202, ok.statusCode(), "a version Kafka never took is not a duplicate");
      assertEquals("accepted", statuses(json(ok)));
    }
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTooManyRecordsAreInFlight() throws Exception {
    try (var server = new IngestServer(false, 2, Map.of())) {
      var response =
          server.postNdjson(
              "/api/v1/listings",
              String.join("\n", unversioned("s1"), unversioned("s2"), unversioned("s3")));

      assertEquals(503, response.statusCode());
      assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
      assertEquals("saturated", json(response).get("error").asText());
      assertNull(server.producer.history().isEmpty() ? null : "sent");
    }
  }
}
