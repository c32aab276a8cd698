package org.iprradar.ingest.publish;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.kafka.TopicProvisioner;
import org.iprradar.common.kafka.Topics;

/** Creates the pipeline's topics at start when they do not exist yet. */
@Singleton
@Requires(property = "kafka.bootstrap-servers")
final class TopicSetup {

  private final KafkaSettings kafka;

  TopicSetup(@Named("ingest") KafkaSettings kafka) {
    this.kafka = kafka;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    TopicProvisioner.ensure(kafka, Topics.ALL);
  }
}
