package org.iprradar.standalone;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default as one object: starts the in-process broker unless {@code
 * kafka.bootstrap-servers} names a cluster, then ingest, detect and alerts on one HTTP port.
 * Closing stops the services first and the broker last, so nothing in flight is cut off from Kafka.
 */
public final class Standalone implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Standalone.class);
  static final String BOOTSTRAP = "kafka.bootstrap-servers";

  private final EmbeddedKafkaBroker broker;
  private final ApplicationContext context;

  private Standalone(EmbeddedKafkaBroker broker, ApplicationContext context) {
    this.broker = broker;
    this.context = context;
  }

  /**
   * Starts everything.
   *
   * @param properties configuration that wins over files and environment (tests use it)
   * @param args command-line arguments, {@code --name=value} as Micronaut reads them
   */
  public static Standalone start(Map<String, Object> properties, String... args) {
    var resolved = new HashMap<>(properties);
    EmbeddedKafkaBroker broker = null;
    Optional<String> external;
    String dataDir;
    int port;
    int partitions;
    String protocol;
    // Read the configuration as Micronaut will, before it starts, to decide whether a broker is
    // needed.
    try (ApplicationContext probe = builder(properties, args).build()) {
      var env = probe.getEnvironment().start();
      external = env.getProperty(BOOTSTRAP, String.class).filter(s -> !s.isBlank());
      dataDir = env.getProperty("ipr.data-dir", String.class).orElse("data");
      port = env.getProperty("ipr.embedded-kafka.port", Integer.class).orElse(0);
      partitions = env.getProperty("ipr.kafka.partitions", Integer.class).orElse(3);
      protocol = env.getProperty("kafka.security.protocol", String.class).orElse("");
    }
    if (external.isEmpty() && !protocol.isBlank() && !protocol.equalsIgnoreCase("PLAINTEXT")) {
      // The embedded broker takes no credentials: clients set up for SASL or TLS would only fail
      // to connect to it, later and less clearly.
      throw new IllegalStateException(
          "kafka.security.protocol (KAFKA_SECURITY_PROTOCOL) is "
              + protocol
              + " but kafka.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) names no cluster: the"
              + " embedded broker is plain text only");
    }
    if (external.isPresent()) {
      LOG.info("Using the Kafka cluster at {}; no embedded broker", external.get());
    } else {
      broker = EmbeddedKafkaBroker.start(Path.of(dataDir, "kafka"), port, partitions);
      resolved.put(BOOTSTRAP, broker.bootstrapServers());
      resolved.put("ipr.kafka.replication-factor", 1);
    }
    try {
      var builder = builder(resolved, args);
      if (broker != null) {
        // A bean, so that the health check reports it beside the services that use it.
        builder.singletons(broker);
      }
      ApplicationContext context = builder.build();
      context.start();
      context.findBean(EmbeddedApplication.class).ifPresent(EmbeddedApplication::start);
      return new Standalone(broker, context);
    } catch (RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  private static Micronaut builder(Map<String, Object> properties, String... args) {
    var builder = Micronaut.build(args);
    builder.mainClass(StandaloneApplication.class);
    builder.properties(properties);
    return builder;
  }

  public ApplicationContext context() {
    return context;
  }

  /** The base URL of the HTTP server, such as {@code http://localhost:8080}. */
  public String url() {
    return context.getBean(EmbeddedServer.class).getURL().toString();
  }

  /** The Kafka bootstrap servers the services use. */
  public String bootstrapServers() {
    return context.getProperty(BOOTSTRAP, String.class).orElseThrow();
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
