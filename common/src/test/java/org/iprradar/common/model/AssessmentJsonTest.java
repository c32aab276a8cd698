package org.iprradar.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.json.JsonSerde;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {

  private static final JsonSerde<Assessment> SERDE = new JsonSerde<>(Assessment.class);

  /** An assessment as written before estimated sales and cross-border existed. */
  private static final String BEFORE_SALES =
      """
      {"schemaVersion": 1, "listingKey": "taobao:1", "platform": "taobao", "listingId": "1",
       "listingVersion": 1, "title": "驴牌 高仿 手袋", "price": 300, "sellerId": "s1",
       "sellerRegion": "320602", "shopName": "", "category": "luxury_bags", "score": 70.0,
       "infringementType": "COUNTERFEIT_TRADEMARK", "brandId": "lv", "lead": true,
       "signals": [], "assessedAt": "2026-11-29T08:00:00Z"}
      """;

  @Test
  void shouldReadAnAssessmentWrittenBeforeSalesAndCrossBorderExisted() {
    var a = SERDE.read(BEFORE_SALES.getBytes(StandardCharsets.UTF_8));

    assertEquals("taobao:1", a.listingKey());
    assertEquals(70.0, a.score());
    assertNull(a.estimatedSales());
    assertFalse(a.crossBorder());
    assertNull(a.complaints());
    assertNull(a.network());
    assertNull(a.versions(), "written before versions existed");
  }

  @Test
  void shouldWriteAndReadBackTheConfigurationVersions() {
    var versions = new ConfigVersions("9f2c41d07a3be815", "c0ffee0123456789", "5e1d2a7700b4c3f2");
    var a = SERDE.read(BEFORE_SALES.getBytes(StandardCharsets.UTF_8)).withVersions(versions);

    var back = SERDE.read(SERDE.write(a));

    assertEquals(versions, back.versions());
    assertEquals(a, back);
    assertTrue(
        new String(SERDE.write(a), StandardCharsets.UTF_8)
            .contains(
                "\"versions\":{\"rules\":\"9f2c41d07a3be815\",\"brands\":\"c0ffee0123456789\","
                    + "\"weights\":\"5e1d2a7700b4c3f2\"}"));
  }

  @Test
  void shouldWriteAndReadBackComplaintsAndTheSellerNetwork() {
    var a =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:3",
            "taobao",
            "3",
            1,
            "title",
            new BigDecimal("29.9"),
            "s3",
            "320602",
            "",
            "food",
            0,
            InfringementType.NONE,
            null,
            false,
            List.of(),
            Instant.parse("2026-11-29T08:00:00Z"),
            null,
            false,
            new ComplaintCounts(1, 2, 2, false),
            new SellerNetwork(
                "net-0123456789ab",
                List.of("taobao:s3", "taobao:s1"),
                2,
                List.of("320602", "310101"),
                List.of("taobao:s1")));

    var back = SERDE.read(SERDE.write(a));

    assertEquals(a, back);
    assertEquals(List.of("taobao:s1", "taobao:s3"), back.network().members());
    assertEquals(2, back.network().cities());
    assertEquals(2, back.complaints().seller30d());
  }

  @Test
  void shouldWriteAndReadBackSalesAndCrossBorder() {
    var a =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:2",
            "taobao",
            "2",
            1,
            "title",
            new BigDecimal("29.9"),
            "s2",
            "320602",
            "",
            "food",
            0,
            InfringementType.NONE,
            null,
            false,
            List.of(),
            Instant.parse("2026-11-29T08:00:00Z"),
            new BigDecimal("2990.0"),
            true);

    var back = SERDE.read(SERDE.write(a));

    assertEquals(a, back);
    assertEquals(new BigDecimal("2990.0"), back.estimatedSales());
    assertTrue(back.crossBorder());
  }

  @Test
  void shouldEstimateSalesAsPriceTimesUnitsSoldOnlyWhenUnitsAreKnown() {
    assertEquals(new BigDecimal("2990.0"), Assessment.estimatedSales(new BigDecimal("29.9"), 100L));
    assertEquals(new BigDecimal("0.0"), Assessment.estimatedSales(new BigDecimal("29.9"), 0L));
    assertNull(Assessment.estimatedSales(new BigDecimal("29.9"), null));
  }
}
