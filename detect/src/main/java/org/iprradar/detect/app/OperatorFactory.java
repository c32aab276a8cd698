package org.iprradar.detect.app;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.detect.operator.DryRun;
import org.iprradar.detect.operator.KafkaOperatorLog;
import org.iprradar.detect.operator.OperatorLog;
import org.iprradar.detect.operator.OperatorService;
import org.iprradar.detect.operator.PerformanceReader;
import org.iprradar.detect.operator.RecentListings;
import org.iprradar.detect.operator.ScoringOperator;
import org.iprradar.detect.operator.TopicReader;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.score.ScoringBook;

/** The operator tooling's parts: the listings kept for dry runs, the change log, the services. */
@Factory
final class OperatorFactory {

  /**
   * @param capacity how many of the last assessed listings a dry run can be tried on
   */
  @Singleton
  RecentListings recentListings(@Value("${ipr.detect.recent-listings:10000}") int capacity) {
    return new RecentListings(capacity);
  }

  @Singleton
  TopicReader topicReader(
      KafkaSecurity security, @Value("${kafka.bootstrap-servers}") String bootstrapServers) {
    return new TopicReader(settings(bootstrapServers, security), Duration.ofSeconds(30));
  }

  @Singleton
  @Bean(preDestroy = "close")
  Producer<String, byte[]> operatorProducer(
      KafkaSecurity security, @Value("${kafka.bootstrap-servers}") String bootstrapServers) {
    return new KafkaProducer<>(
        settings(bootstrapServers, security).durableProducerConfig("ipr-radar-operator"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  @Singleton
  OperatorLog operatorLog(Producer<String, byte[]> operatorProducer, TopicReader reader) {
    return new KafkaOperatorLog(operatorProducer, reader);
  }

  @Singleton
  OperatorService operatorService(RuleBook book, OperatorLog log) {
    return new OperatorService(book, log, Clock.systemUTC());
  }

  @Singleton
  DryRun dryRun(RuleBook book, ScoringBook scoring, RecentListings recent) {
    return new DryRun(book, scoring, recent, Clock.systemUTC());
  }

  @Singleton
  ScoringOperator scoringOperator(
      ScoringBook scoring, RuleBook book, RecentListings recent, OperatorLog log) {
    return new ScoringOperator(scoring, book, recent, log, Clock.systemUTC());
  }

  @Singleton
  @Bean(preDestroy = "close")
  PerformanceReader performanceReader(TopicReader reader, RuleBook book, RecentListings recent) {
    return new PerformanceReader(
        () -> reader.consumer("ipr-radar-rule-performance"),
        reader.timeout(),
        book::rulesAsWritten,
        recent);
  }

  // Only clients are made here; partitions and replication matter to topic creation alone.
  private static KafkaSettings settings(String bootstrapServers, KafkaSecurity security) {
    return new KafkaSettings(bootstrapServers, 1, (short) 1, security.clientOverrides());
  }
}
