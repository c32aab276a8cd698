package org.iprradar.alerts.app;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.iprradar.alerts.delivery.Backoff;
import org.iprradar.alerts.delivery.DeliveryWorker;
import org.iprradar.alerts.delivery.Sleeper;
import org.iprradar.alerts.delivery.WebhookEndpoints;
import org.iprradar.alerts.delivery.WebhookSender;
import org.iprradar.alerts.route.RoutingBook;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs webhook delivery on its own thread when at least one bureau of the start-up routing has an
 * endpoint ({@code IPR_WEBHOOK_<BUREAU_ID>_URL} and {@code _SECRET} in the environment). Its
 * outcomes go to Kafka and show on the alert. The endpoints follow the routing in force: a bureau
 * added at run time is delivered to when its variables are set, one removed is no longer.
 */
@Singleton
public final class WebhookService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

  private final DeliveryWorker worker;
  private final Thread thread;

  WebhookService(
      RoutingBook routing,
      Environment environment,
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.alerts.webhooks.connect-timeout:5s}") Duration connectTimeout,
      @Value("${ipr.alerts.webhooks.request-timeout:10s}") Duration requestTimeout,
      @Value("${ipr.alerts.webhooks.backoff-base:1s}") Duration backoffBase,
      @Value("${ipr.alerts.webhooks.backoff-cap:60s}") Duration backoffCap,
      @Value("${ipr.alerts.webhooks.max-attempts:6}") int maxAttempts) {
    // The environment's variables, or the same names as properties (tests).
    Function<String, String> lookup =
        name -> environment.getProperty(name, String.class).orElse(null);
    WebhookEndpoints endpoints = WebhookEndpoints.from(routing.current().table().bureaus(), lookup);
    if (endpoints.isEmpty()) {
      LOG.info("No bureau has a webhook endpoint; webhook delivery is off");
      this.worker = null;
      this.thread = null;
      return;
    }
    // Scheme, host and path only: a query string or user info may carry a token.
    endpoints
        .all()
        .forEach(
            e ->
                LOG.info(
                    "Webhook of {}: {}://{}{}",
                    e.bureauId(),
                    e.url().getScheme(),
                    e.url().getHost() + (e.url().getPort() < 0 ? "" : ":" + e.url().getPort()),
                    e.url().getPath()));
    var kafka = new KafkaSettings(bootstrapServers, 1, (short) 1, security.clientOverrides());
    var sender =
        new WebhookSender(
            WebhookSender.httpClient(connectTimeout),
            requestTimeout,
            new Backoff(backoffBase, backoffCap, maxAttempts),
            Clock.systemUTC(),
            Sleeper.REAL,
            new SecureRandom());
    this.worker =
        new DeliveryWorker(
            new KafkaConsumer<>(
                consumerConfig(kafka), new StringDeserializer(), new ByteArrayDeserializer()),
            new KafkaProducer<>(
                kafka.durableProducerConfig(DeliveryWorker.GROUP_ID),
                new ByteArraySerializer(),
                new ByteArraySerializer()),
            new EndpointsInForce(routing, lookup),
            sender);
    this.thread = new Thread(worker, "webhook-delivery");
  }

  private static Map<String, Object> consumerConfig(KafkaSettings kafka) {
    var config = kafka.clientConfig();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, DeliveryWorker.GROUP_ID);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // The topology writes in transactions: deliver only versions that were committed.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A new group delivers what the topic still holds rather than skip versions.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // One record can take minutes of retries; fetch one at a time so the poll interval holds.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 15 * 60 * 1000);
    return config;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    if (thread != null) {
      thread.start();
    }
  }

  @PreDestroy
  @Override
  public void close() {
    if (worker == null) {
      return;
    }
    worker.close();
    // Cuts a backoff wait or a slow request short; that record is delivered again after restart.
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
