package org.iprradar.ingest.http;

import static org.iprradar.ingest.http.IngestServer.json;
import static org.iprradar.ingest.http.IngestServer.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The complaints, brands, seller-records and rules feeds over HTTP. */
class FeedControllersTest {

  private static IngestServer server;

  @BeforeAll
  static void start() {
    server = new IngestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void clear() {
    server.producer.clear();
  }

  private static JsonNode firstError(JsonNode body) {
    for (JsonNode result : body.get("results")) {
      if (result.has("errors")) {
        return result.get("errors").get(0);
      }
    }
    throw new AssertionError("no error in " + body);
  }

  @Test
  void shouldKeepTheGoodComplaintsOfABatchAndNameTheBadOnesByLineAndField() throws Exception {
    var response =
        server.postNdjson(
            "/api/v1/complaints",
            String.join(
                "\n",
                // a consumer's 12315 complaint about a listing
                "{\"platform\":\"taobao\",\"complaintId\":\"c-1\",\"source\":\"CONSUMER_12315\","
                    + "\"listingId\":\"t-1\",\"text\":\"收到的是假货\"}",
                // a rights holder's notice about a seller, with evidence
                "{\"platform\":\"taobao\",\"complaintId\":\"c-2\",\"source\":\"rights_holder\","
                    + "\"sellerId\":\"tb_42\",\"brandId\":\"gucci\","
                    + "\"evidenceUrls\":[\"https://evidence.example/1.pdf\"]}",
                // names neither listing nor seller
                "{\"platform\":\"taobao\",\"complaintId\":\"c-3\",\"source\":\"PLATFORM\"}",
                // unknown source
                "{\"platform\":\"taobao\",\"complaintId\":\"c-4\",\"source\":\"EMAIL\","
                    + "\"listingId\":\"t-1\"}"));

    assertEquals(202, response.statusCode(), response.body());
    JsonNode body = json(response);
    assertEquals(2, body.get("accepted").asInt());
    assertEquals(2, body.get("rejected").asInt());
    JsonNode third = body.get("results").get(2);
    assertEquals(3, third.get("line").asInt());
    assertEquals("listingId", third.get("errors").get(0).get("field").asText());
    JsonNode fourth = body.get("results").get(3);
    assertEquals("source", fourth.get("errors").get(0).get("field").asText());
    assertTrue(fourth.get("errors").get(0).get("reason").asText().contains("CONSUMER_12315"));

    var sent = server.sent("complaints");
    assertEquals(2, sent.size());
    assertEquals("taobao:c-1", sent.get(0).key());
    assertEquals("RIGHTS_HOLDER", value(sent.get(1)).get("source").asText());
    assertEquals(
        "https://evidence.example/1.pdf", value(sent.get(1)).get("evidenceUrls").get(0).asText());
  }

  @Test
  void shouldAnswer400WhenNoComplaintIsValid() throws Exception {
    var response =
        server.post(
            "/api/v1/complaints",
            "{\"platform\":\"taobao\",\"source\":\"PLATFORM\",\"sellerId\":\"s\"}");

    assertEquals(400, response.statusCode());
    assertEquals("complaintId", firstError(json(response)).get("field").asText());
    assertTrue(server.sent("complaints").isEmpty());
  }

  @Test
  void shouldPutABrandUnderTheIdOfItsUrl() throws Exception {
    var response =
        server.put(
            "/api/v1/brands/gucci",
            "{\"names\":[\"古驰\",\"GUCCI\"],\"aliases\":[\"G家\"],\"protection\":\"well_known\","
                + "\"referencePriceMin\":3000,\"referencePriceMax\":60000,\"version\":2}");

    assertEquals(202, response.statusCode(), response.body());
    var sent = server.sent("brands");
    assertEquals(1, sent.size());
    assertEquals("gucci", sent.get(0).key());
    assertEquals("gucci", value(sent.get(0)).get("brandId").asText());
    assertEquals("WELL_KNOWN", value(sent.get(0)).get("protection").asText());
  }

  @Test
  void shouldRefuseABrandWhoseBodyNamesAnotherIdOrWhosePriceBandIsInverted() throws Exception {
    var otherId = server.put("/api/v1/brands/gucci", "{\"brandId\":\"lv\",\"names\":[\"LV\"]}");
    var inverted =
        server.put(
            "/api/v1/brands/gucci",
            "{\"names\":[\"古驰\"],\"referencePriceMin\":500,\"referencePriceMax\":100}");
    var noName = server.put("/api/v1/brands/gucci", "{\"names\":[]}");
    var twoBrands = server.put("/api/v1/brands/gucci", "[{\"names\":[\"a\"]},{\"names\":[\"b\"]}]");

    assertEquals(400, otherId.statusCode());
    assertEquals("brandId", firstError(json(otherId)).get("field").asText());
    assertEquals(400, inverted.statusCode());
    assertEquals("referencePriceMax", firstError(json(inverted)).get("field").asText());
    assertEquals(400, noName.statusCode());
    assertEquals("names", firstError(json(noName)).get("field").asText());
    assertEquals(400, twoBrands.statusCode());
    assertEquals("malformed_body", json(twoBrands).get("error").asText());
    assertTrue(server.sent("brands").isEmpty());
  }

  @Test
  void shouldPutASellerRecordWithPenaltiesAndLowerCaseItsHashes() throws Exception {
    String hash = "A".repeat(64);
    var response =
        server.put(
            "/api/v1/seller-records/taobao/tb_42",
            "{\"penalties\":[{\"decisionNo\":\"通市监罚〔2025〕12号\",\"date\":\"2025-03-01\","
                + "\"reason\":\"销售侵犯注册商标专用权商品\",\"amount\":20000}],"
                + "\"blacklisted\":true,\"blacklistedSince\":\"2025-04-01\","
                + "\"identityHashes\":[\""
                + hash
                + "\"],\"version\":5}");

    assertEquals(202, response.statusCode(), response.body());
    var sent = server.sent("seller-records");
    assertEquals("taobao:tb_42", sent.get(0).key());
    JsonNode seller = value(sent.get(0));
    assertEquals("a".repeat(64), seller.get("identityHashes").get(0).asText());
    assertEquals("通市监罚〔2025〕12号", seller.get("penalties").get(0).get("decisionNo").asText());
    assertEquals(5, seller.get("version").asLong());
  }

  @Test
  void shouldKeepTheKindOfAnIdentityHashAndTheSellersRegionForNetworkLinking() throws Exception {
    String hash = "b".repeat(64);
    var response =
        server.put(
            "/api/v1/seller-records/taobao/tb_43",
            "{\"identityHashes\":[\"Phone:"
                + hash
                + "\", \"payment:"
                + hash
                + "\"],\"region\":\"310101\",\"version\":1}");
    var badRegion = server.put("/api/v1/seller-records/taobao/tb_44", "{\"region\":\"Shanghai\"}");

    assertEquals(202, response.statusCode(), response.body());
    JsonNode seller = value(server.sent("seller-records").get(0));
    assertEquals("phone:" + hash, seller.get("identityHashes").get(0).asText());
    assertEquals("payment:" + hash, seller.get("identityHashes").get(1).asText());
    assertEquals("310101", seller.get("region").asText());
    assertEquals(400, badRegion.statusCode());
    assertEquals("region", firstError(json(badRegion)).get("field").asText());
  }

  @Test
  void shouldRefuseARawPhoneNumberAndABrokenPenaltyField() throws Exception {
    var response =
        server.put(
            "/api/v1/seller-records/taobao/tb_42",
            "{\"identityHashes\":[\"13812345678\"],"
                + "\"penalties\":[{\"decisionNo\":\"x\",\"date\":\"01/03/2025\"}],"
                + "\"blacklisted\":true}");

    assertEquals(400, response.statusCode());
    var errors = json(response).get("results").get(0).get("errors");
    var fields = new java.util.ArrayList<String>();
    errors.forEach(e -> fields.add(e.get("field").asText()));
    assertTrue(fields.contains("identityHashes[0]"), fields::toString);
    assertTrue(fields.contains("penalties[0].date"), fields::toString);
    assertTrue(fields.contains("blacklistedSince"), fields::toString);
    assertTrue(server.sent("seller-records").isEmpty());
  }

  @Test
  void shouldPutARuleAndDeleteItWithATombstone() throws Exception {
    var put =
        server.put(
            "/api/v1/rules/replica-words",
            "{\"query\":\"高仿 OR 一比一\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\","
                + "\"weight\":40,\"version\":3}");
    var delete = server.delete("/api/v1/rules/replica-words");

    assertEquals(202, put.statusCode(), put.body());
    assertEquals(202, delete.statusCode(), delete.body());
    var sent = server.sent("rules");
    assertEquals(2, sent.size());
    assertEquals("replica-words", sent.get(0).key());
    assertEquals(40.0, value(sent.get(0)).get("weight").asDouble());
    assertTrue(
        value(sent.get(0)).get("enabled").asBoolean(), "a rule is enabled unless it says not");
    assertEquals("replica-words", sent.get(1).key());
    assertNull(sent.get(1).value(), "a DELETE is a tombstone");
  }

  @Test
  void shouldRecordWhoChangedARuleOrBrandInTheOperatorsHistory() throws Exception {
    var put =
        server.send(
            "PUT",
            "/api/v1/rules/replica-words",
            "{\"query\":\"高仿\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":40,"
                + "\"version\":3}",
            "Authorization",
            "Bearer " + server.token("operator.li", Roles.OPERATOR),
            // A claimed name does not override the signed-in caller.
            "X-Changed-By",
            "someone.else");
    var delete = server.delete("/api/v1/rules/replica-words");
    var brand =
        server.put(
            "/api/v1/brands/snowpeak",
            "{\"names\":[\"雪峰\"],\"protection\":\"REGISTERED\",\"version\":2}");
    var refused = server.put("/api/v1/rules/r2", "{\"query\":\"x\",\"weight\":400}");

    assertEquals(202, put.statusCode(), put.body());
    assertEquals(202, delete.statusCode(), delete.body());
    assertEquals(202, brand.statusCode(), brand.body());
    assertEquals(400, refused.statusCode(), refused.body());
    var history = server.sent("rule-changes");
    assertEquals(
        List.of("rule:replica-words", "rule:replica-words", "brand:snowpeak"),
        history.stream().map(r -> r.key()).toList(),
        "one entry per change that was taken, none for the refused one");
    var first = value(history.get(0));
    assertEquals("rule", first.get("kind").asText());
    assertEquals("replica-words", first.get("id").asText());
    assertEquals(3, first.get("version").asInt());
    assertEquals("PUT", first.get("action").asText());
    assertEquals("operator.li", first.get("changedBy").asText());
    assertEquals(40, first.get("after").get("weight").asInt());
    assertTrue(first.get("changedFields").toString().contains("query"), first.toString());
    var deleted = value(history.get(1));
    assertEquals("DELETE", deleted.get("action").asText());
    assertEquals("test-admin", deleted.get("changedBy").asText(), "the default caller's name");
    assertTrue(deleted.get("after").isNull());
    assertEquals(2, value(history.get(2)).get("version").asInt());
  }

  @Test
  void shouldRefuseARuleWithAWeightOutOfRangeOrNoInfringement() throws Exception {
    var heavy =
        server.put(
            "/api/v1/rules/r1",
            "{\"query\":\"x\",\"infringementType\":\"PIRACY_COPYRIGHT\",\"weight\":150}");
    var none =
        server.put(
            "/api/v1/rules/r1", "{\"query\":\"x\",\"infringementType\":\"NONE\",\"weight\":1}");
    var badId = server.delete("/api/v1/rules/bad%20id");

    assertEquals(400, heavy.statusCode());
    assertEquals("weight", firstError(json(heavy)).get("field").asText());
    assertEquals(400, none.statusCode());
    assertEquals("infringementType", firstError(json(none)).get("field").asText());
    assertEquals(400, badId.statusCode());
    assertTrue(server.sent("rules").isEmpty());
  }

  @Test
  void shouldDeleteABrandWithATombstoneAndRecordWhoDidIt() throws Exception {
    var put =
        server.put(
            "/api/v1/brands/snowpeak",
            "{\"names\":[\"雪峰\"],\"protection\":\"REGISTERED\",\"version\":2}");
    var delete = server.delete("/api/v1/brands/snowpeak");
    var badId = server.delete("/api/v1/brands/bad%20id");

    assertEquals(202, put.statusCode(), put.body());
    assertEquals(202, delete.statusCode(), delete.body());
    var sent = server.sent("brands");
    assertEquals(2, sent.size());
    assertEquals("snowpeak", sent.get(1).key());
    assertNull(sent.get(1).value(), "a DELETE is a tombstone, which detect reads as a removal");
    var history = server.sent("rule-changes");
    assertEquals(
        List.of("brand:snowpeak", "brand:snowpeak"), history.stream().map(r -> r.key()).toList());
    assertEquals("DELETE", value(history.get(1)).get("action").asText());
    assertEquals(400, badId.statusCode(), badId.body());
    assertEquals("invalid_brand_id", json(badId).get("error").asText());
    assertEquals(2, server.sent("brands").size(), "nothing written for a bad id");
  }
}
