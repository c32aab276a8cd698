package org.iprradar.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.iprradar.common.json.JsonSerde;
import org.junit.jupiter.api.Test;

class SellerRecordTest {

  private static final JsonSerde<SellerRecord> SERDE = new JsonSerde<>(SellerRecord.class);

  /** The example of the README. */
  private static final String EXAMPLE =
      """
      {"platform": "taobao", "sellerId": "tb_42",
       "penalties": [{"decisionNo": "通市监罚〔2025〕12号", "date": "2025-03-04",
                      "reason": "销售侵犯注册商标专用权的商品", "amount": 50000}],
       "blacklisted": true, "blacklistedSince": "2025-06-01", "confirmedAlerts": 2,
       "identityHashes": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
       "version": 3, "updatedAt": "2026-11-29T08:00:00Z"}
      """;

  @Test
  void shouldReadTheReadmeExampleAndWriteItBack() {
    var record = SERDE.read(EXAMPLE.getBytes(StandardCharsets.UTF_8));

    assertEquals("taobao:tb_42", record.key());
    assertEquals(LocalDate.parse("2025-06-01"), record.blacklistedSince());
    assertEquals(new BigDecimal("50000"), record.penalties().get(0).amount());
    assertEquals(record, SERDE.read(SERDE.write(record)));
  }

  @Test
  void shouldRefuseARawPhoneNumberAsAnIdentityHash() {
    assertThrows(
        IllegalArgumentException.class, () -> record(false, null, 0, List.of("13812345678")));
  }

  @Test
  void shouldRequireTheDateOfABlacklisting() {
    assertThrows(IllegalArgumentException.class, () -> record(true, null, 0, List.of()));
    assertNull(record(false, LocalDate.parse("2025-06-01"), 0, List.of()).blacklistedSince());
  }

  @Test
  void shouldRefuseNegativeCountsAndMissingIdentity() {
    assertThrows(IllegalArgumentException.class, () -> record(false, null, -1, List.of()));
    assertThrows(
        SerializationException.class,
        () -> SERDE.read("{\"platform\":\"taobao\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SellerPenalty("罚1", LocalDate.parse("2025-01-01"), "x", new BigDecimal("-1")));
  }

  private static SellerRecord record(
      boolean blacklisted, LocalDate since, int alerts, List<String> hashes) {
    return new SellerRecord("taobao", "s", List.of(), blacklisted, since, alerts, hashes, 1, null);
  }

  @Test
  void shouldKeepAGbT2260RegionAndRefuseAnythingElse() {
    var json = "{\"platform\":\"taobao\",\"sellerId\":\"s\",\"region\":\"320602\"}";
    assertEquals("320602", SERDE.read(json.getBytes(StandardCharsets.UTF_8)).region());
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SellerRecord(
                    "taobao", "s", List.of(), false, null, 0, List.of(), 1, null, "Nantong"));
    assertTrue(error.getMessage().contains("GB/T 2260"), error.getMessage());
  }

  @Test
  void shouldTakeAKindBeforeAHashAndLinkOnTheHashAlone() {
    String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    var record =
        new SellerRecord(
            "taobao", "s", List.of(), false, null, 0, List.of("phone:" + hash), 1, null);
    assertEquals(List.of(hash), record.linkHashes());
    assertEquals("phone", SellerRecord.kindOf(record.identityHashes().get(0)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SellerRecord(
                "taobao", "s", List.of(), false, null, 0, List.of("email:" + hash), 1, null));
  }
}
