package org.iprradar.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.iprradar.common.model.Listing;
import org.junit.jupiter.api.Test;

class ListingValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
  private final ListingValidator validator = new ListingValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  private List<Verdict<Listing>> validate(String body, boolean ndjson) throws BodyFormatException {
    return RecordSplitter.split(body.getBytes(StandardCharsets.UTF_8), ndjson).stream()
        .map(validator::validate)
        .toList();
  }

  private Verdict<Listing> one(String json) throws BodyFormatException {
    return validate(json, false).get(0);
  }

  @Test
  void shouldAcceptACompleteListingAndTrimItsText() throws BodyFormatException {
    var v =
        one(
            """
            {"platform":"taobao","listingId":"123","title":"  驴牌 手袋 ","price":399.5,
             "sellerId":"tb_1","sellerRegion":"320602","unitsSold":12,"crossBorder":true,
             "observedAt":"2026-11-28T10:00:00Z","version":3,"imageUrls":["https://x/1.jpg"]}
            """);

    assertTrue(v.valid(), () -> v.errors().toString());
    assertEquals("taobao:123", v.value().key());
    assertEquals("驴牌 手袋", v.value().title());
    assertEquals("399.5", v.value().price().toPlainString());
    assertEquals(Instant.parse("2026-11-28T10:00:00Z"), v.value().observedAt());
    assertEquals(3, v.value().version());
    assertTrue(v.value().crossBorder());
  }

  @Test
  void shouldStampTheArrivalTimeWhenObservedAtIsMissing() throws BodyFormatException {
    var v =
        one("{\"platform\":\"jd\",\"listingId\":7,\"title\":\"t\",\"price\":0,\"sellerId\":\"s\"}");

    assertTrue(v.valid(), () -> v.errors().toString());
    assertEquals(NOW, v.value().observedAt());
    assertEquals("jd:7", v.value().key(), "a numeric id is taken as its text");
  }

  @Test
  void shouldNameEveryBadFieldOfARecord() throws BodyFormatException {
    var v =
        one(
            """
            {"platform":"taobao","listingId":"1","price":-5,"sellerId":"s",
             "sellerRegion":"32060","unitsSold":1.5,"crossBorder":"yes","observedAt":"yesterday"}
            """);

    assertFalse(v.valid());
    assertEquals(
        List.of(
            new FieldError("title", "is required"),
            new FieldError("price", "must be 0 or more, was -5"),
            new FieldError(
                "sellerRegion", "must be a six-digit GB/T 2260 region code, was '32060'"),
            new FieldError("unitsSold", "must be a whole number, was 1.5"),
            new FieldError("crossBorder", "must be true or false, was string"),
            new FieldError(
                "observedAt",
                "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z, was 'yesterday'")),
        v.errors());
  }

  @Test
  void shouldRejectWrongTypesWithTheTypeFound() throws BodyFormatException {
    var v =
        one(
            "{\"platform\":\"x\",\"listingId\":\"1\",\"title\":[],\"price\":\"9.9\",\"sellerId\":\"s\"}");

    assertEquals(
        List.of(
            new FieldError("title", "must be a string, was array"),
            new FieldError(
                "price", "must be a number (CNY unless currency says otherwise), was string")),
        v.errors());
  }

  @Test
  void shouldKeepGoodLinesOfNdjsonAndNameTheLineOfABrokenOne() throws BodyFormatException {
    String body =
        """
        {"platform":"x","listingId":"1","title":"a","price":1,"sellerId":"s"}

        {"platform":"x","listingId":"2","title":
        {"platform":"x","listingId":"3","title":"c","price":3,"sellerId":"s"}
        """;

    var verdicts = validate(body, true);

    assertEquals(3, verdicts.size());
    assertTrue(verdicts.get(0).valid());
    assertFalse(verdicts.get(1).valid());
    assertEquals(3, verdicts.get(1).source().line());
    assertNull(verdicts.get(1).errors().get(0).field());
    assertTrue(verdicts.get(1).errors().get(0).reason().startsWith("malformed JSON"));
    assertTrue(verdicts.get(2).valid());
    assertEquals(2, verdicts.get(2).source().index());
  }

  @Test
  void shouldReadAJsonArrayAsOneRecordPerElement() throws BodyFormatException {
    var verdicts =
        validate(
            "[{\"platform\":\"x\",\"listingId\":\"1\",\"title\":\"a\",\"price\":1,\"sellerId\":\"s\"}, 42]",
            false);

    assertTrue(verdicts.get(0).valid());
    assertEquals(
        List.of(new FieldError(null, "a listing must be a JSON object, was number")),
        verdicts.get(1).errors());
  }

  @Test
  void shouldRefuseABodyThatIsNotJsonWithTheLineAndColumn() {
    var error = assertThrows(BodyFormatException.class, () -> validate("{\"platform\": x}", false));

    assertTrue(
        error.getMessage().startsWith("malformed JSON: at line 1, column "), error.getMessage());
    assertTrue(error.getMessage().contains("'x'"), error.getMessage());
  }

  @Test
  void shouldRefuseAnEmptyBodyAndInvalidUtf8() {
    assertThrows(BodyFormatException.class, () -> validate("  ", false));
    var error =
        assertThrows(
            BodyFormatException.class,
            () -> RecordSplitter.split(new byte[] {'{', (byte) 0xC3, '}'}, false));
    assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
  }
}
