package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.json.Json;
import org.iprradar.common.kafka.Topics;

/**
 * The Kafka topics of a running system, as the integration tests write to them directly (records
 * the HTTP API does not take, or bad ones) and read what the pipeline committed. The counterpart of
 * {@link ApiClient} for the broker.
 */
final class TopicClient {

  private final Supplier<String> bootstrapServers;

  /**
   * @param bootstrapServers read at every call, so a test may restart the system under the client
   */
  TopicClient(Supplier<String> bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Writes one record and waits until the broker has it on all replicas. */
  void send(String topic, String key, String value)
      throws InterruptedException, ExecutionException {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers.get(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /**
   * The first committed record on the topic, from its beginning, that the test accepts; read
   * committed, so an aborted transaction's output never counts.
   */
  ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> wanted) {
    var props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.get());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    var found = new ArrayList<ConsumerRecord<String, String>>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(ApiClient.PIPELINE)
          .until(
              () -> {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                  if (found.isEmpty() && wanted.test(record)) {
                    found.add(record);
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  /** The first committed assessment of a listing ({@code platform:listingId}). */
  JsonNode awaitAssessment(String listingKey) throws IOException {
    var record = awaitRecord(Topics.ASSESSMENTS.name(), r -> listingKey.equals(r.key()));
    return Json.mapper().readTree(record.value());
  }
}
