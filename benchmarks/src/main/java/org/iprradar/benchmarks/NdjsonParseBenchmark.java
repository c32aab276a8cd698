package org.iprradar.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.validate.RawRecord;
import org.iprradar.ingest.validate.RecordSplitter;
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
 * Splitting an NDJSON body of 1,000 listings (the real titles) into parsed records: ingest's {@code
 * RecordSplitter} ({@code split}), against one parser per line with no checks ({@code perLine}) and
 * one parser over the whole body ({@code oneParser}), the two ways to use Jackson.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NdjsonParseBenchmark {

  private static final ObjectReader TREES = Json.mapper().readerFor(JsonNode.class);

  private byte[] body;

  @Setup
  public void setUp() {
    var titles = BenchmarkData.titles();
    var text = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      var title = titles.get(i % titles.size()).title().replace("\\", "").replace("\"", "'");
      text.append(
              String.format(
                  Locale.ROOT,
                  "{\"platform\":\"bench\",\"listingId\":\"l-%d\",\"title\":\"%s\",\"price\":%d,"
                      + "\"sellerId\":\"s-%d\",\"sellerRegion\":\"320602\",\"version\":1}",
                  i,
                  title,
                  10 + i % 500,
                  i % 997))
          .append('\n');
    }
    body = text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public List<RawRecord> split() throws Exception {
    return RecordSplitter.split(body, true);
  }

  @Benchmark
  public List<JsonNode> perLine() throws IOException {
    var out = new ArrayList<JsonNode>(1_000);
    int start = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '\n') {
        if (i > start) {
          out.add(Json.mapper().readTree(body, start, i - start));
        }
        start = i + 1;
      }
    }
    return out;
  }

  @Benchmark
  public List<JsonNode> oneParser() throws IOException {
    var out = new ArrayList<JsonNode>(1_000);
    try (MappingIterator<JsonNode> values = TREES.readValues(body)) {
      while (values.hasNextValue()) {
        out.add(values.nextValue());
      }
    }
    return out;
  }
}
