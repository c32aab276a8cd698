package org.iprradar.common.kafka;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.iprradar.common.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka Streams application of the pipeline, started and closed with its host. Processing is
 * exactly-once (v2), so an accepted listing is assessed once and an alert is updated once, even
 * across crashes.
 */
public final class StreamsApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final String applicationId;
  private final KafkaStreams streams;
  private final KafkaSettings kafka;
  private final StreamsReadiness readiness;
  private final KafkaStreamsMetrics metrics;

  private StreamsApp(
      String applicationId, KafkaStreams streams, KafkaSettings kafka, StreamsReadiness readiness) {
    this.applicationId = applicationId;
    this.streams = streams;
    this.kafka = kafka;
    this.readiness = readiness;
    // Lag per partition (records-lag of the embedded consumers), commit and process rates, the
    // producers' errors: Kafka's own metrics, as Micrometer meters.
    this.metrics = new KafkaStreamsMetrics(streams, List.of(Tag.of("application", applicationId)));
  }

  /**
   * Configures (but does not start) a Streams application.
   *
   * @param stateRoot the folder under which this application keeps its state stores
   * @param applicationServer {@code host:port} of this instance's HTTP server for interactive
   *     queries, or null
   */
  public static StreamsApp create(
      String applicationId,
      Topology topology,
      KafkaSettings kafka,
      Path stateRoot,
      String applicationServer) {
    return create(applicationId, topology, kafka, stateRoot, applicationServer, 1);
  }

  /**
   * @param streamThreads how many stream threads process the application's tasks; more than the
   *     input topic's partitions stay idle
   */
  public static StreamsApp create(
      String applicationId,
      Topology topology,
      KafkaSettings kafka,
      Path stateRoot,
      String applicationServer,
      int streamThreads) {
    if (streamThreads < 1) {
      throw new IllegalArgumentException(
          applicationId + ": stream threads must be at least 1, was " + streamThreads);
    }
    var props = new Properties();
    props.putAll(kafka.clientConfig());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(applicationId).toString());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    // Opt in now to what becomes the default in Kafka 5, so behaviour does not change on upgrade.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    var streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stream thread of {} failed; replacing it", applicationId, e);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    var readiness = new StreamsReadiness();
    streams.setStateListener(
        (now, before) -> {
          LOG.info("{} went from {} to {}", applicationId, before, now);
          readiness.onChange(now, before);
        });
    streams.setGlobalStateRestoreListener(readiness);
    return new StreamsApp(applicationId, streams, kafka, readiness);
  }

  /** Creates the pipeline's topics that are missing, then starts processing. */
  public void start() {
    TopicProvisioner.ensure(kafka, Topics.ALL);
    LOG.info("Starting {}", applicationId);
    metrics.bindTo(PipelineMetrics.registry());
    streams.start();
  }

  public String applicationId() {
    return applicationId;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /** RUNNING with every store restored; what the readiness check reports. */
  public StreamsReadiness readiness() {
    return readiness;
  }

  /**
   * Stops processing and leaves the consumer group, so that a restarted or surviving instance takes
   * the partitions over at once instead of after the session timeout.
   */
  @Override
  public void close() {
    try {
      metrics.close();
    } finally {
      // Closed whatever the meters did: an instance left open keeps its state folder locked, and
      // the next start in that folder fails.
      boolean closed =
          streams.close(
              CloseOptions.groupMembershipOperation(
                      CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                  .withTimeout(Duration.ofSeconds(30)));
      if (!closed) {
        LOG.warn(
            "Kafka Streams application {} did not stop within 30 s; its state folder may stay"
                + " locked until it does",
            applicationId);
      }
    }
  }
}
