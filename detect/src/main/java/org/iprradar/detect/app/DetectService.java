package org.iprradar.detect.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.StreamsApp;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.topology.DetectTopology;

/** Runs the detect topology for as long as the application runs. */
@Singleton
public final class DetectService implements AutoCloseable {

  private final StreamsApp app;

  DetectService(
      RuleBook rules,
      Scorer scorer,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.data-dir:data}") String dataDir) {
    var kafka = new KafkaSettings(bootstrapServers, partitions, replicationFactor, null);
    this.app =
        StreamsApp.create(
            DetectTopology.APPLICATION_ID,
            DetectTopology.build(rules, scorer, Clock.systemUTC()),
            kafka,
            Path.of(dataDir, "streams"),
            null);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    app.start();
  }

  public StreamsApp streamsApp() {
    return app;
  }

  @PreDestroy
  @Override
  public void close() {
    app.close();
  }
}
