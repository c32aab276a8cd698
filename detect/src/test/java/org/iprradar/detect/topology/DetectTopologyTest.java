package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.iprradar.common.kafka.DeadLetters;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetectTopologyTest {

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> listings;
  private TestOutputTopic<String, Assessment> assessments;
  private TestOutputTopic<String, Lead> leads;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    var topology =
        DetectTopology.build(
            Fixtures.ruleBook(), Fixtures.scorer(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    driver = TestDrivers.start(topology, "detect-test");
    listings =
        driver.createInputTopic(
            Topics.LISTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    assessments =
        driver.createOutputTopic(
            Topics.ASSESSMENTS.name(),
            Topics.ASSESSMENTS.keySerde().deserializer(),
            Topics.ASSESSMENTS.valueSerde().deserializer());
    leads =
        driver.createOutputTopic(
            Topics.LEADS.name(),
            Topics.LEADS.keySerde().deserializer(),
            Topics.LEADS.valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS.name(),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(Listing listing) {
    listings.pipeInput(
        listing.key(), Topics.LISTINGS.valueSerde().serializer().serialize("", listing));
  }

  @Test
  void shouldScoreCounterfeitSlangWithAProtectedBrandHighAndMakeItALead() {
    // Given a replica-slang listing of a protected brand, far below its price band
    send(Fixtures.listing("tb-1", "驴牌 Neverfull 高仿 专柜品质", "399", "luxury_bags", "seller-9", ""));

    // Then one assessment explains a high score
    var assessment = assessments.readKeyValue();
    assertEquals("taobao:tb-1", assessment.key);
    assertTrue(assessment.value.score() >= 90, "score " + assessment.value.score());
    assertEquals("slang-replica", assessment.value.signals().get(0).ruleId());
    assertEquals("高仿", assessment.value.signals().get(0).evidence().get(0).text());

    // And one lead, keyed by seller and infringement type
    var lead = leads.readKeyValue();
    assertEquals("taobao:seller-9:COUNTERFEIT_TRADEMARK", lead.key);
    assertEquals(InfringementType.COUNTERFEIT_TRADEMARK, lead.value.infringementType());
    assertEquals("taobao:tb-1", lead.value.assessment().listingKey());
    assertTrue(leads.isEmpty());
  }

  @Test
  void shouldScoreAnOrdinaryListingLowAndMakeNoLead() {
    send(Fixtures.listing("tb-2", "南通 蓝印花布 桌旗 手工", "58", "home_textiles"));

    var assessment = assessments.readValue();
    assertEquals(0.0, assessment.score());
    assertFalse(assessment.lead());
    assertTrue(leads.isEmpty());
  }

  @Test
  void shouldWriteExactlyOneAssessmentPerInputListing() {
    // Given a mix: counterfeit, piracy, traps and ordinary listings
    String[][] rows = {
      {"a", "驴牌 高仿 包", "100", "luxury_bags"}, // counterfeit
      {"b", "某设计软件 破解版 激活码", "5", "software"}, // piracy
      {"c", "适用于苹果 iPhone 数据线", "15", "electronics"}, // compatible accessory
      {"d", "烟台 苹果 5斤", "25", "food"}, // the fruit
      {"e", "纯棉 T恤 男 夏季", "39", "apparel"}, // ordinary
      {"a", "驴牌 高仿 包 新版本", "100", "luxury_bags"}, // a new version of listing a
    };
    for (String[] row : rows) {
      send(Fixtures.listing(row[0], row[1], row[2], row[3]));
    }

    var keys = assessments.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    assertEquals(
        java.util.List.of("taobao:a", "taobao:b", "taobao:c", "taobao:d", "taobao:e", "taobao:a"),
        keys);
    assertEquals(3, leads.getQueueSize(), "two versions of a, and b");
    assertTrue(deadLetters.isEmpty());
  }

  @Test
  void shouldDeadLetterAnUnreadableRecordWithTheReasonAndGoOn() {
    byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
    listings.pipeInput("taobao:bad", garbage);
    listings.pipeInput(
        "taobao:no-title",
        "{\"platform\":\"taobao\",\"listingId\":\"x\",\"price\":1,\"sellerId\":\"s\"}"
            .getBytes(StandardCharsets.UTF_8));
    send(Fixtures.listing("ok", "纯棉 T恤", "39", "apparel"));

    var first = deadLetters.readRecord();
    assertEquals("taobao:bad", first.key());
    assertArrayEquals(garbage, first.value());
    assertEquals(
        Topics.LISTINGS.name(), DeadLetters.header(first.headers(), DeadLetters.SOURCE_TOPIC));
    assertTrue(
        DeadLetters.header(first.headers(), DeadLetters.REASON).startsWith("not a valid Listing"),
        DeadLetters.header(first.headers(), DeadLetters.REASON));
    var second = deadLetters.readRecord();
    assertTrue(
        DeadLetters.header(second.headers(), DeadLetters.REASON).contains("title"),
        DeadLetters.header(second.headers(), DeadLetters.REASON));
    // The partition and offset tell an operator which record to look at, and copies apart.
    assertEquals("0", DeadLetters.header(first.headers(), DeadLetters.SOURCE_PARTITION));
    assertEquals("0", DeadLetters.header(first.headers(), DeadLetters.SOURCE_OFFSET));
    assertEquals("0", DeadLetters.header(second.headers(), DeadLetters.SOURCE_PARTITION));
    assertEquals("1", DeadLetters.header(second.headers(), DeadLetters.SOURCE_OFFSET));
    assertEquals("taobao:ok", assessments.readKeyValue().key);
    assertTrue(assessments.isEmpty());
  }
}
