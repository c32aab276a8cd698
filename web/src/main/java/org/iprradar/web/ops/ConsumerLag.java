package org.iprradar.web.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ipr_consumer_lag{group,topic,partition}}: how many records each of the app's consumer
 * groups has still to read on each partition, from the group's committed offsets and the
 * partitions' ends, every 15 seconds. Computed from the cluster, not from the consumers, so that it
 * keeps growing when a consumer is stuck or gone: the case an operator must hear about.
 *
 * <p>Under exactly-once a caught-up partition may read 1: the end offset counts the transaction's
 * commit marker, which no consumer ever commits past.
 */
// Created with the context, so that its task runs from the start.
@Context
@Requires(beans = OpsAdmin.class)
final class ConsumerLag {

  static final String NAME = "ipr.consumer.lag";
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);

  private final OpsAdmin admin;
  private final List<StreamsComponent> components;
  private final MeterRegistry registry;
  private final Set<List<String>> registered = ConcurrentHashMap.newKeySet();
  private volatile Map<List<String>, Long> lags = Map.of();

  ConsumerLag(OpsAdmin admin, List<StreamsComponent> components, MeterRegistry registry) {
    this.admin = admin;
    this.components = components;
    this.registry = registry;
  }

  private PeriodicTask task;

  @PostConstruct
  void start() {
    task =
        PeriodicTask.start(
            "ipr-consumer-lag", Duration.ofSeconds(5), Duration.ofSeconds(15), this::refresh);
  }

  @PreDestroy
  void stop() {
    task.close();
  }

  void refresh() {
    var next = new HashMap<List<String>, Long>();
    try {
      for (StreamsComponent component : components) {
        for (String group : component.consumerGroups()) {
          measure(group, next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | TimeoutException e) {
      // Kafka away: the readiness check says so; the gauges keep their last values.
      LOG.debug("Consumer lag not refreshed: {}", e.toString());
      return;
    }
    lags = Map.copyOf(next);
    for (List<String> key : next.keySet()) {
      if (registered.add(key)) {
        Gauge.builder(NAME, () -> lags.getOrDefault(key, 0L))
            .description("records a consumer group has still to read on a partition")
            .tag("group", key.get(0))
            .tag("topic", key.get(1))
            .tag("partition", key.get(2))
            .register(registry);
      }
    }
  }

  private void measure(String group, Map<List<String>, Long> into)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .admin()
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(OpsAdmin.TIMEOUT_MS, TimeUnit.MILLISECONDS);
    var request = new HashMap<TopicPartition, OffsetSpec>();
    committed.forEach(
        (tp, offset) -> {
          if (offset != null) {
            request.put(tp, OffsetSpec.latest());
          }
        });
    if (request.isEmpty()) {
      return;
    }
    // The end a read_committed consumer can reach: open transactions are not counted as lag.
    var ends =
        admin
            .admin()
            .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(OpsAdmin.TIMEOUT_MS, TimeUnit.MILLISECONDS);
    ends.forEach(
        (tp, end) ->
            into.put(
                List.of(group, tp.topic(), String.valueOf(tp.partition())),
                Math.max(0, end.offset() - committed.get(tp).offset())));
  }
}
