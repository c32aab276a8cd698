package org.iprradar.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.iprradar.alerts.route.Router;
import org.iprradar.alerts.route.RoutingTableLoader;
import org.iprradar.alerts.store.AlertCodec;
import org.iprradar.alerts.store.AlertFolder;
import org.iprradar.common.json.JsonSerde;
import org.iprradar.common.model.Alert;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the alerts stream thread does for each lead, without Kafka: read the alert's bytes from the
 * store and parse them, fold the lead in, serialise the new version for the store and for {@code
 * alert-deliveries}. {@code json} does it with the plain {@code JsonSerde<Alert>} (before), {@code
 * codec} with the {@link AlertCodec} the topology uses now. Leads go round {@code alerts} alerts
 * that already hold {@code listings} assessments, so each alert is read back after the other alerts
 * were folded, as under load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlertFoldBenchmark {

  private static final Instant START = Instant.parse("2026-11-29T00:00:00Z");

  @Param({"1", "10", "50"})
  public int listings;

  @Param({"1000"})
  public int alerts;

  private AlertFolder folder;
  private final Map<String, byte[]> jsonStore = new HashMap<>();
  private final Map<String, byte[]> codecStore = new HashMap<>();
  private final JsonSerde<Alert> json = new JsonSerde<>(Alert.class);
  private final AlertCodec codec = new AlertCodec();
  private long leads;

  @Setup
  public void setUp() throws IOException {
    folder = new AlertFolder(new Router(RoutingTableLoader.load("classpath:config/routing.yaml")));
    for (int seller = 0; seller < alerts; seller++) {
      Alert alert = null;
      for (int i = 0; i < listings; i++) {
        alert = folder.fold(lead(seller, i, START.plusSeconds(i)), alert);
      }
      jsonStore.put(alert.id(), json.write(alert));
      codecStore.put(alert.id(), codec.write(alert));
    }
    leads = (long) listings * alerts;
  }

  @Benchmark
  public byte[] json() {
    return fold(json, jsonStore);
  }

  @Benchmark
  public byte[] codec() {
    return fold(codec, codecStore);
  }

  private byte[] fold(Serde<Alert> serde, Map<String, byte[]> store) {
    long n = leads++;
    int seller = (int) (n % alerts);
    // Each seller's listings come round again: a re-crawl replaces the listing's assessment.
    Lead lead = lead(seller, (int) (n / alerts % (listings + 1)), START.plusMillis(n));
    Alert current = serde.deserializer().deserialize("alerts", store.get(lead.key()));
    Alert next = folder.fold(lead, current);
    store.put(lead.key(), serde.serializer().serialize("alerts", next));
    return serde.serializer().serialize("alert-deliveries", next);
  }

  private static Signal signal(
      SignalType type,
      String ruleId,
      double contribution,
      String field,
      int start,
      int end,
      String text) {
    return new Signal(
        type,
        ruleId,
        1,
        InfringementType.COUNTERFEIT_TRADEMARK,
        "louis-vuitton",
        contribution,
        type + " " + text,
        List.of(new Evidence(field, start, end, text)));
  }

  private static Lead lead(int seller, int listing, Instant at) {
    String sellerId = "seller-" + seller;
    String listingId = sellerId + "-" + listing;
    var assessment =
        new Assessment(
            Assessment.SCHEMA_VERSION,
            "taobao:" + listingId,
            "taobao",
            listingId,
            1,
            "LV 高仿 女包 一比一 原单 专柜品质 手提包 " + listingId,
            new BigDecimal("199.00"),
            sellerId,
            "320602",
            "精品店 " + sellerId,
            "luxury_bags",
            82.5,
            InfringementType.COUNTERFEIT_TRADEMARK,
            "louis-vuitton",
            true,
            List.of(
                signal(SignalType.TEXT_RULE, "lv-replica", 40, "title", 0, 5, "LV 高仿"),
                signal(SignalType.BRAND_MENTION, "brand:louis-vuitton", 30, "title", 0, 2, "LV"),
                signal(
                    SignalType.PRICE_BELOW_BAND,
                    "price:louis-vuitton",
                    12.5,
                    "price",
                    0,
                    6,
                    "199.00")),
            at,
            new BigDecimal("3980.00"),
            false,
            null,
            null,
            null);
    return Lead.of(assessment);
  }
}
