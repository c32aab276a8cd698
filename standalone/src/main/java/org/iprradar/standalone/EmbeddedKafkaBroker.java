package org.iprradar.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (combined KRaft controller and broker) running in this JVM, with
 * its data in a folder that is kept across restarts. A one-node cluster needs replication factor 1
 * for the internal topics too, or exactly-once processing would wait forever for replicas that do
 * not exist.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  // Where the broker itself is reached without credentials: the client port, or on a SASL broker
  // the plain-text port of its own traffic.
  private final String internalServers;
  private final Path logDir;
  private volatile boolean running;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, String bootstrapServers, String internalServers, Path logDir) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.internalServers = internalServers;
    this.logDir = logDir;
  }

  /**
   * Starts the broker and waits until it answers.
   *
   * @param logDir where the broker keeps its data; formatted on first use
   * @param port the client port, or 0 for any free port
   * @param partitions default partitions of topics the broker creates itself
   */
  public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions) {
    return start(logDir, port, partitions, Map.of());
  }

  /**
   * Starts a broker whose client port takes only SASL logins of {@code users}, with mechanism PLAIN
   * or SCRAM-SHA-256, as a cluster with credentials does; the broker's own traffic uses a
   * plain-text port of its own. For checking that every client of the services sends its
   * credentials.
   *
   * @param users user name to password
   */
  public static EmbeddedKafkaBroker startWithSaslUsers(
      Path logDir, int partitions, Map<String, String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a SASL broker needs at least one user");
    }
    var broker = start(logDir, 0, partitions, users);
    try {
      broker.addScramUsers(users);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private static EmbeddedKafkaBroker start(
      Path logDir, int port, int partitions, Map<String, String> users) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Kafka data folder " + logDir, e);
    }
    if (!Files.isWritable(logDir)) {
      throw new IllegalStateException("the Kafka data folder is not writable: " + logDir);
    }
    int[] free = freePorts(3, port);
    int brokerPort = port == 0 ? free[2] : port;
    int controllerPort = free[0];
    var props = brokerConfig(logDir, brokerPort, controllerPort, partitions);
    String internal = "localhost:" + brokerPort;
    if (!users.isEmpty()) {
      internal = "localhost:" + free[1];
      withSaslUsers(props, brokerPort, internal, controllerPort, users);
    }
    var config = new KafkaConfig(props, false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir);
    }
    var server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    String bootstrap = "localhost:" + brokerPort;
    var broker = new EmbeddedKafkaBroker(server, bootstrap, internal, logDir);
    broker.awaitReady();
    broker.running = true;
    LOG.info(
        "Embedded Kafka broker ready at {} with data in {}", bootstrap, logDir.toAbsolutePath());
    return broker;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path logDir() {
    return logDir;
  }

  /** True from when the broker answered until it is closed. */
  public boolean isRunning() {
    return running;
  }

  private static Map<String, Object> brokerConfig(
      Path logDir, int brokerPort, int controllerPort, int partitions) {
    var props = new HashMap<String, Object>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://localhost:"
            + brokerPort
            + ","
            + CONTROLLER
            + "://localhost:"
            + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("num.partitions", String.valueOf(partitions));
    props.put("auto.create.topics.enable", "false");
    // One node: every internal topic has a single replica, and one in-sync replica is enough.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("min.insync.replicas", "1");
    props.put("default.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "5");
    props.put("transaction.state.log.num.partitions", "5");
    // No point waiting for other members of a consumer group on a one-JVM system.
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return props;
  }

  /**
   * A SASL_PLAINTEXT client listener with PLAIN users (listed in its JAAS line) and SCRAM (whose
   * users {@link #addScramUsers} creates), and a plain-text listener for the broker itself.
   */
  private static void withSaslUsers(
      Map<String, Object> props,
      int clientPort,
      String internal,
      int controllerPort,
      Map<String, String> users) {
    props.put(
        "listeners",
        "CLIENT://localhost:"
            + clientPort
            + ",INTERNAL://"
            + internal
            + ","
            + CONTROLLER
            + "://localhost:"
            + controllerPort);
    props.put(
        "advertised.listeners", "CLIENT://localhost:" + clientPort + ",INTERNAL://" + internal);
    props.put(
        "listener.security.protocol.map",
        "CLIENT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    props.put("inter.broker.listener.name", "INTERNAL");
    props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
    props.put("listener.name.client.sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
    props.put(
        "listener.name.client.scram-sha-256.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    var jaas =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    users.forEach(
        (name, password) ->
            jaas.append(" user_").append(name).append("=\"").append(password).append('"'));
    props.put("listener.name.client.plain.sasl.jaas.config", jaas.append(';').toString());
  }

  /** SCRAM-SHA-256 credentials for the users, kept in the cluster's metadata. */
  private void addScramUsers(Map<String, String> users) {
    var upserts = new ArrayList<UserScramCredentialAlteration>();
    users.forEach(
        (name, password) ->
            upserts.add(
                new UserScramCredentialUpsertion(
                    name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)));
    try (Admin admin =
        Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, internalServers))) {
      admin.alterUserScramCredentials(upserts).all().get(60, TimeUnit.SECONDS);
      // The broker learns them from the metadata log a moment later: wait until it knows them all,
      // so that the first login does not race it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (admin.describeUserScramCredentials().all().get(60, TimeUnit.SECONDS).size()
          < users.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the broker did not learn the SCRAM users in 60 s");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating SCRAM users", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the SCRAM users: " + e.getCause(), e);
    }
  }

  private static void format(Path logDir) {
    try (var quiet = new PrintStream(OutputStream.nullOutputStream())) {
      new Formatter()
          .setPrintStream(quiet)
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toAbsolutePath().toString()))
          .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setControllerListenerName(CONTROLLER)
          .run();
      LOG.info("Formatted a new Kafka data folder at {}", logDir.toAbsolutePath());
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot format the Kafka data folder " + logDir + ": " + e, e);
    }
  }

  private void awaitReady() {
    Map<String, Object> config =
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            internalServers,
            CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG,
            60_000);
    try (Admin admin = Admin.create(config)) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("the embedded Kafka broker did not become ready: " + e, e);
    }
  }

  /**
   * Free local ports, all different and none of them {@code taken}. The sockets are held open
   * together: ports asked for one after the other can come back the same once the first socket is
   * closed, and two listeners on one port stop the broker's start ("Each listener must have a
   * different port").
   */
  private static int[] freePorts(int count, int taken) {
    var sockets = new ArrayList<ServerSocket>();
    try {
      int[] ports = new int[count];
      int found = 0;
      while (found < count) {
        var socket = new ServerSocket();
        sockets.add(socket);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("localhost", 0));
        if (socket.getLocalPort() != taken) {
          ports[found++] = socket.getLocalPort();
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port for the embedded broker", e);
    } finally {
      for (var socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Closing a bound, never-accepting socket does not fail in practice; nothing to do.
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    server.shutdown();
    server.awaitShutdown();
  }
}
