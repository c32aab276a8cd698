package org.iprradar.ingest.load;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.FeedIngestor;
import org.iprradar.ingest.http.Feeds;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.versions.ListingVersions;

/**
 * The file loader's command line:
 *
 * <pre>
 * java -cp 'ingest/target/ipr-radar-ingest.jar:ingest/target/lib/*' \
 *   org.iprradar.ingest.load.LoadCommand --bootstrap-servers localhost:9092 --feed listings \
 *   [--mapping export-columns.properties] [--batch 1000] [--cny-rate USD=7.10] FILE...
 * </pre>
 *
 * Progress goes to standard error once a second; run the same command again to resume.
 */
public final class LoadCommand {

  private LoadCommand() {}

  /** The parsed command line. */
  record Arguments(
      String bootstrapServers,
      String feed,
      Path mapping,
      int batch,
      Map<String, BigDecimal> rates,
      List<Path> files) {

    static Arguments parse(String... args) {
      String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
      String feed = "listings";
      Path mapping = null;
      int batch = 1_000;
      var rates = new HashMap<String, BigDecimal>();
      var files = new ArrayList<Path>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--bootstrap-servers" -> bootstrap = value(args, ++i, arg);
          case "--feed" -> feed = value(args, ++i, arg);
          case "--mapping" -> mapping = Path.of(value(args, ++i, arg));
          case "--batch" -> batch = Integer.parseInt(value(args, ++i, arg));
          case "--cny-rate" -> {
            String[] rate = value(args, ++i, arg).split("=", 2);
            if (rate.length != 2) {
              throw new IllegalArgumentException("--cny-rate takes CODE=RATE, such as USD=7.10");
            }
            rates.put(rate[0], new BigDecimal(rate[1]));
          }
          default -> {
            if (arg.startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + arg);
            }
            files.add(Path.of(arg));
          }
        }
      }
      if (bootstrap.isBlank()) {
        throw new IllegalArgumentException(
            "name the Kafka cluster with --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS");
      }
      if (files.isEmpty()) {
        throw new IllegalArgumentException("name at least one NDJSON or CSV file to load");
      }
      return new Arguments(bootstrap, feed, mapping, batch, rates, files);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  /** Reads a mapping file of {@code column=field} lines (UTF-8, so Chinese headers work). */
  static HeaderMapping mapping(Path file) throws IOException {
    if (file == null) {
      return HeaderMapping.identity();
    }
    var props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    var map = new HashMap<String, String>();
    props.stringPropertyNames().forEach(k -> map.put(k.strip(), props.getProperty(k).strip()));
    return new HeaderMapping(map);
  }

  public static void main(String[] args) throws Exception {
    var arguments = Arguments.parse(args);
    // The same KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_SSL_* variables as the services.
    var kafka =
        new KafkaSettings(
            arguments.bootstrapServers(),
            3,
            (short) 1,
            KafkaSecurity.fromEnvironment(System::getenv).clientOverrides());
    TopicProvisioner.ensure(kafka, Topics.ALL);
    // Raw identity fields of seller records are hashed with the deployment's key, as over HTTP.
    var feeds =
        new Feeds(new ListingVersions(), arguments.rates(), System.getenv("IPR_IDENTITY_KEY"));
    var mapping = mapping(arguments.mapping());
    try (var publisher =
        new FeedPublisher(
            new KafkaProducer<>(
                kafka.durableProducerConfig("ipr-radar-loader"),
                new StringSerializer(),
                new ByteArraySerializer()),
            Math.max(arguments.batch(), 1) * 2)) {
      var printer = new ProgressPrinter(System.err);
      var loader =
          new FileLoader(
              new FeedIngestor(publisher),
              kafka,
              feeds.byName(arguments.feed()),
              mapping,
              arguments.batch(),
              printer);
      for (Path file : arguments.files()) {
        var done = loader.load(file);
        printer.finish(file, done);
      }
    }
  }
}
