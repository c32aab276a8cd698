package org.iprradar.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iprradar.common.json.LeadJson;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.ComplaintCounts;
import org.iprradar.common.model.ConfigVersions;
import org.iprradar.common.model.Evidence;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Lead;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Signal;
import org.iprradar.common.model.SignalType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detect's JSON per listing, in operations per second on one thread: {@code readListing} parses one
 * listing as it comes off the {@code listings} topic; {@code writeAssessment} writes its
 * assessment; {@code writeLeadAgain} and {@code writeLeadSpliced} write an assessment and its lead,
 * the lead serialised afresh (the assessment twice, as detect did) or around the assessment's bytes
 * ({@link LeadJson}, as detect does). The assessments carry two signals with evidence, like a
 * lead's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {

  private byte[][] listingBytes;
  private Assessment[] assessments;

  /** Each thread walks the records on its own. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int next(int length) {
      int at = next;
      next = next + 1 == length ? 0 : next + 1;
      return at;
    }
  }

  @Setup
  public void setUp() {
    Listing[] listings = BenchmarkData.listings(BenchmarkData.titles());
    listingBytes = new byte[listings.length][];
    assessments = new Assessment[listings.length];
    var at = Instant.parse("2026-11-29T08:00:00Z");
    for (int i = 0; i < listings.length; i++) {
      Listing l = listings[i];
      listingBytes[i] = Topics.LISTINGS.valueSerde().serializer().serialize("listings", l);
      String title = l.title();
      int end = Math.min(2, title.length());
      var evidence = new Evidence("title", 0, end, title.substring(0, end));
      var signals =
          List.of(
              new Signal(
                  SignalType.BRAND_MENTION,
                  "brand:b-" + (i % 50),
                  1,
                  InfringementType.COUNTERFEIT_TRADEMARK,
                  "b-" + (i % 50),
                  25,
                  "Names a protected brand outside its official shops",
                  List.of(evidence)),
              new Signal(
                  SignalType.PRICE_BELOW_BAND,
                  "price:b-" + (i % 50),
                  1,
                  InfringementType.COUNTERFEIT_TRADEMARK,
                  "b-" + (i % 50),
                  35,
                  "Price is under half of the brand's lowest reference price",
                  List.of()));
      assessments[i] =
          new Assessment(
              Assessment.SCHEMA_VERSION,
              l.key(),
              l.platform(),
              l.listingId(),
              l.version(),
              title,
              l.price(),
              l.sellerId(),
              l.sellerRegion(),
              l.shopName(),
              l.category(),
              60,
              InfringementType.COUNTERFEIT_TRADEMARK,
              "b-" + (i % 50),
              true,
              signals,
              at,
              l.price() == null ? null : l.price().multiply(BigDecimal.TEN),
              false,
              new ComplaintCounts(1, 2, 1, false),
              null,
              new ConfigVersions("r-1", "b-1", "w-1"));
    }
  }

  @Benchmark
  public Listing readListing(Cursor cursor) {
    return Topics.LISTINGS
        .valueSerde()
        .deserializer()
        .deserialize("listings", listingBytes[cursor.next(listingBytes.length)]);
  }

  @Benchmark
  public byte[] writeAssessment(Cursor cursor) {
    return assessment(assessments[cursor.next(assessments.length)]);
  }

  @Benchmark
  public byte[] writeLeadAgain(Cursor cursor) {
    Assessment a = assessments[cursor.next(assessments.length)];
    assessment(a);
    return Topics.LEADS.valueSerde().serializer().serialize("leads", Lead.of(a));
  }

  @Benchmark
  public byte[] writeLeadSpliced(Cursor cursor) {
    Assessment a = assessments[cursor.next(assessments.length)];
    return LeadJson.write(Lead.of(a), assessment(a));
  }

  private static byte[] assessment(Assessment a) {
    return Topics.ASSESSMENTS.valueSerde().serializer().serialize("assessments", a);
  }
}
