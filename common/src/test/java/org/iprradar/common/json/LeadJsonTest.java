package org.iprradar.common.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.ConfigVersions;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.SellerNetwork;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.junit.jupiter.api.Test;

class LeadJsonTest {

  @Test
  void writesTheBytesTheLeadsSerdeWrites() {
    for (Assessment a :
        List.of(
            assessment("tmall", "s-1", "江苏省南通市", "apparel"),
            // Quotes, backslashes, control characters and non-BMP text are escaped alike.
            assessment("tmall", "s\"2\\", "line\nbreak\t😀", "food"),
            // Absent region and category are written as null, not left out.
            assessment("jd", "s-3", null, null))) {
      Lead lead = Lead.of(a);
      byte[] expected = Topics.LEADS.valueSerde().serializer().serialize("leads", lead);
      byte[] assessmentJson =
          Topics.ASSESSMENTS.valueSerde().serializer().serialize("assessments", a);

      byte[] spliced = LeadJson.write(lead, assessmentJson);

      assertArrayEquals(
          expected,
          spliced,
          () -> new String(spliced, StandardCharsets.UTF_8) + " for " + lead.key());
      assertEquals(lead, Topics.LEADS.valueSerde().deserializer().deserialize("leads", spliced));
    }
  }

  @Test
  void coversEveryFieldOfTheLead() {
    // A field added to Lead must be added to LeadJson too, or leads would silently lose it.
    assertEquals(
        List.of(
            "key",
            "platform",
            "sellerId",
            "sellerRegion",
            "infringementType",
            "category",
            "assessment"),
        Arrays.stream(Lead.class.getRecordComponents()).map(c -> c.getName()).toList());
  }

  private static Assessment assessment(
      String platform, String sellerId, String region, String category) {
    var signal =
        new Signal(
            SignalType.TEXT_RULE,
            "r-1",
            3,
            InfringementType.COUNTERFEIT_TRADEMARK,
            "nike",
            42.5,
            "title says \"replica\"",
            List.of(new Evidence("title", 0, 2, "高仿")));
    return new Assessment(
        Assessment.SCHEMA_VERSION,
        platform + ":l-1",
        platform,
        "l-1",
        7,
        "高仿 nike \"air\"",
        new BigDecimal("12.50"),
        sellerId,
        region,
        "shop",
        category,
        81.25,
        InfringementType.COUNTERFEIT_TRADEMARK,
        "nike",
        true,
        List.of(signal),
        Instant.parse("2026-11-29T08:00:00.123Z"),
        new BigDecimal("1250.00"),
        true,
        new ComplaintCounts(1, 2, 3, false),
        new SellerNetwork("n-1", List.of("a", "b"), 2, List.of("江苏"), List.of()),
        new ConfigVersions("rules-1", "brands-1", "weights-1"));
  }
}
