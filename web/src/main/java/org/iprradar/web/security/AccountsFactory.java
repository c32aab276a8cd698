package org.iprradar.web.security;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;

/**
 * The accounts every service of a deployment follows, wherever a cluster is configured. Made with
 * the context, so that it is reading by the time the first token comes.
 */
@Factory
@Requires(property = "kafka.bootstrap-servers")
final class AccountsFactory {

  @Context
  @Bean(preDestroy = "close")
  AccountsFollower accountsFollower(
      KafkaSecurity security,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor) {
    var follower =
        new AccountsFollower(
            new KafkaSettings(
                bootstrapServers, partitions, replicationFactor, security.clientOverrides()));
    follower.start();
    return follower;
  }
}
