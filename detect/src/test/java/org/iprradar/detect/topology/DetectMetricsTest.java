package org.iprradar.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.iprradar.common.kafka.TestDrivers;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.metrics.PipelineMetrics;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detect topology counts what an operator watches: records, latency, rule hits, dead letters.
 */
class DetectMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> listings;

  @BeforeEach
  void setUp() {
    Metrics.addRegistry(registry);
    driver =
        TestDrivers.start(
            DetectTopology.build(
                Fixtures.ruleBook(), Fixtures.scorer(), Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)),
            "detect-metrics-test");
    listings =
        driver.createInputTopic(
            Topics.LISTINGS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
    Metrics.removeRegistry(registry);
  }

  @Test
  void countsListingsAssessmentsLeadsRuleHitsAndDeadLetters() {
    var lead =
        Fixtures.listing("m-1", "驴牌 Neverfull 高仿 专柜品质", "399", "luxury_bags", "seller-m", "");
    var plain = Fixtures.listing("m-2", "南通 蓝印花布 桌旗 手工", "58", "home_textiles");
    for (var listing : new Listing[] {lead, plain}) {
      listings.pipeInput(
          listing.key(), Topics.LISTINGS.valueSerde().serializer().serialize("", listing));
    }
    listings.pipeInput("taobao:m-3", "not a listing".getBytes(StandardCharsets.UTF_8));

    assertEquals(3, count(PipelineMetrics.RECORDS_IN, "topic", Topics.LISTINGS.name()));
    assertEquals(2, count(PipelineMetrics.RECORDS_OUT, "topic", Topics.ASSESSMENTS.name()));
    assertEquals(1, count(PipelineMetrics.RECORDS_OUT, "topic", Topics.LEADS.name()));
    assertEquals(1, count(PipelineMetrics.RULE_HITS, "rule", "slang-replica"));
    assertEquals(
        1, count(PipelineMetrics.DEAD_LETTERS, "application", DetectTopology.APPLICATION_ID));
    assertEquals(2, registry.get(PipelineMetrics.ASSESSMENT_LATENCY).timer().count());
    assertEquals(
        1,
        registry.get(PipelineMetrics.RULE_EVALUATION).tag("rule", "slang-replica").timer().count(),
        "timed from the rule's first hit on");
  }

  private double count(String name, String tag, String value) {
    return registry.find(name).tag(tag, value).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }
}
