package org.iprradar.web.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.iprradar.common.kafka.KafkaSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credentials every Kafka client of the application uses, from {@code kafka.security.*}, {@code
 * kafka.sasl.*} and {@code kafka.ssl.*} (environment {@code KAFKA_SECURITY_PROTOCOL}, {@code
 * KAFKA_SASL_USERNAME}, ...). Built with the context, so that an incomplete combination stops the
 * application at start with the setting it lacks, before any client is made.
 */
@Factory
final class KafkaSecurityFactory {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSecurityFactory.class);

  @Context
  KafkaSecurity kafkaSecurity(
      @Value("${kafka.security.protocol:}") String protocol,
      @Value("${kafka.sasl.mechanism:}") String mechanism,
      @Value("${kafka.sasl.username:}") String username,
      @Value("${kafka.sasl.password:}") String password,
      @Value("${kafka.ssl.truststore.location:}") String truststoreLocation,
      @Value("${kafka.ssl.truststore.password:}") String truststorePassword,
      @Value("${kafka.ssl.truststore.type:}") String truststoreType,
      @Value("${kafka.ssl.keystore.location:}") String keystoreLocation,
      @Value("${kafka.ssl.keystore.password:}") String keystorePassword,
      @Value("${kafka.ssl.keystore.type:}") String keystoreType,
      @Value("${kafka.ssl.key.password:}") String keyPassword) {
    var security =
        new KafkaSecurity(
            protocol,
            mechanism,
            username,
            password,
            KafkaSecurity.store(truststoreLocation, truststorePassword, truststoreType),
            KafkaSecurity.store(keystoreLocation, keystorePassword, keystoreType),
            keyPassword);
    // toString masks the passwords.
    LOG.info("Kafka clients connect with {}", security);
    return security;
  }
}
