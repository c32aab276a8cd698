package org.iprradar.common.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How every Kafka client of a service proves who it is: the security protocol, the SASL user and
 * the TLS stores. Checked when it is built, so that a service with an incomplete combination (SASL
 * without a user, a keystore without its password) refuses to start and says which setting is
 * missing, instead of failing later in a client thread. {@link #toString()} masks every password.
 *
 * @param protocol PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL
 * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; null without SASL
 * @param username the SASL user; null without SASL
 * @param password the SASL user's password; null without SASL
 * @param truststore the certificates the client trusts (TLS only); null for the JVM's own
 * @param keystore the client's own certificate, for brokers that require one (TLS only); or null
 * @param keyPassword the password of the key in the keystore, when it differs from the store's
 */
public record KafkaSecurity(
    String protocol,
    String saslMechanism,
    String username,
    String password,
    Store truststore,
    Store keystore,
    String keyPassword) {

  // Before PLAINTEXT: the constant is checked against them when the class initialises.
  static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL");
  static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
  static final Set<String> STORE_TYPES = Set.of("JKS", "PKCS12", "PEM");

  /** No credentials: what the embedded broker and a plain-text cluster need. */
  public static final KafkaSecurity PLAINTEXT =
      new KafkaSecurity("PLAINTEXT", null, null, null, null, null, null);

  /**
   * A key or trust store.
   *
   * @param location the file
   * @param password its password, or null (a truststore may have none)
   * @param type JKS, PKCS12 or PEM; null for Kafka's default (JKS)
   */
  public record Store(String location, String password, String type) {

    /** The location and type; never the password. */
    @Override
    public String toString() {
      return location + (type == null ? "" : " (" + type + ")");
    }
  }

  public KafkaSecurity {
    protocol =
        blankToNull(protocol) == null ? "PLAINTEXT" : protocol.strip().toUpperCase(Locale.ROOT);
    saslMechanism =
        blankToNull(saslMechanism) == null ? null : saslMechanism.strip().toUpperCase(Locale.ROOT);
    username = blankToNull(username);
    password = blankToNull(password);
    keyPassword = blankToNull(keyPassword);
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException(
          "KAFKA_SECURITY_PROTOCOL (kafka.security.protocol) must be one of PLAINTEXT,"
              + " SASL_PLAINTEXT, SASL_SSL or SSL, was "
              + protocol);
    }
    if (isSasl(protocol)) {
      if (saslMechanism == null) {
        throw new IllegalArgumentException(
            "KAFKA_SECURITY_PROTOCOL is "
                + protocol
                + " but KAFKA_SASL_MECHANISM (kafka.sasl.mechanism) is not set: PLAIN,"
                + " SCRAM-SHA-256 or SCRAM-SHA-512");
      }
      if (!MECHANISMS.contains(saslMechanism)) {
        throw new IllegalArgumentException(
            "KAFKA_SASL_MECHANISM (kafka.sasl.mechanism) must be PLAIN, SCRAM-SHA-256 or"
                + " SCRAM-SHA-512, was "
                + saslMechanism);
      }
      if (username == null) {
        throw new IllegalArgumentException(
            "KAFKA_SECURITY_PROTOCOL is "
                + protocol
                + " but KAFKA_SASL_USERNAME (kafka.sasl.username) is not set");
      }
      if (password == null) {
        throw new IllegalArgumentException(
            "KAFKA_SECURITY_PROTOCOL is "
                + protocol
                + " but KAFKA_SASL_PASSWORD (kafka.sasl.password) is not set for user "
                + username);
      }
    } else if (saslMechanism != null || username != null || password != null) {
      throw new IllegalArgumentException(
          "KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set but"
              + " KAFKA_SECURITY_PROTOCOL is "
              + protocol
              + ": set it to SASL_PLAINTEXT or SASL_SSL to use SASL, or unset them");
    }
    truststore = checkStore("TRUSTSTORE", truststore, protocol, false);
    keystore = checkStore("KEYSTORE", keystore, protocol, true);
    if (keyPassword != null && keystore == null) {
      throw new IllegalArgumentException(
          "KAFKA_SSL_KEY_PASSWORD is set but KAFKA_SSL_KEYSTORE_LOCATION is not");
    }
  }

  /** Whether clients authenticate with SASL. */
  public boolean isSasl() {
    return isSasl(protocol);
  }

  /** Whether clients reach the brokers over TLS. */
  public boolean isTls() {
    return isTls(protocol);
  }

  /** The client properties, ready for {@link KafkaSettings#clientOverrides()}. */
  public Map<String, String> clientOverrides() {
    var config = new LinkedHashMap<String, String>();
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    if (isSasl()) {
      config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
      config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
    }
    if (truststore != null) {
      config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.location());
      putIfSet(config, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststore.password());
      putIfSet(config, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststore.type());
    }
    if (keystore != null) {
      config.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keystore.location());
      putIfSet(config, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, keystore.password());
      putIfSet(config, SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, keystore.type());
      putIfSet(config, SslConfigs.SSL_KEY_PASSWORD_CONFIG, keyPassword);
    }
    return config;
  }

  /**
   * The JAAS line of the SASL user. Quotes and backslashes in the name or password are escaped, as
   * Kafka's JAAS parser reads quoted values with Java-style escapes.
   */
  String jaasConfig() {
    String module =
        saslMechanism.equals("PLAIN")
            ? "org.apache.kafka.common.security.plain.PlainLoginModule"
            : "org.apache.kafka.common.security.scram.ScramLoginModule";
    return module
        + " required username=\""
        + escape(username)
        + "\" password=\""
        + escape(password)
        + "\";";
  }

  /** What a log line may say about these settings: everything but the passwords. */
  @Override
  public String toString() {
    var text = new StringBuilder("security.protocol=").append(protocol);
    if (isSasl()) {
      text.append(", sasl.mechanism=").append(saslMechanism);
      text.append(", user=").append(username).append(", password=[hidden]");
    }
    if (truststore != null) {
      text.append(", truststore=").append(truststore.location());
    }
    if (keystore != null) {
      text.append(", keystore=").append(keystore.location());
    }
    return text.toString();
  }

  /**
   * Reads the settings from environment-style names ({@code KAFKA_SECURITY_PROTOCOL}, ...), for the
   * command-line tools that do not run in a Micronaut context.
   */
  public static KafkaSecurity fromEnvironment(UnaryOperator<String> env) {
    return new KafkaSecurity(
        env.apply("KAFKA_SECURITY_PROTOCOL"),
        env.apply("KAFKA_SASL_MECHANISM"),
        env.apply("KAFKA_SASL_USERNAME"),
        env.apply("KAFKA_SASL_PASSWORD"),
        store(
            env.apply("KAFKA_SSL_TRUSTSTORE_LOCATION"),
            env.apply("KAFKA_SSL_TRUSTSTORE_PASSWORD"),
            env.apply("KAFKA_SSL_TRUSTSTORE_TYPE")),
        store(
            env.apply("KAFKA_SSL_KEYSTORE_LOCATION"),
            env.apply("KAFKA_SSL_KEYSTORE_PASSWORD"),
            env.apply("KAFKA_SSL_KEYSTORE_TYPE")),
        env.apply("KAFKA_SSL_KEY_PASSWORD"));
  }

  /**
   * A store from its three settings; null when none is set. A password or type without a location
   * is kept, so that the check names the missing location.
   */
  public static Store store(String location, String password, String type) {
    if (blankToNull(location) == null
        && blankToNull(password) == null
        && blankToNull(type) == null) {
      return null;
    }
    return new Store(
        blankToNull(location),
        blankToNull(password),
        blankToNull(type) == null ? null : type.strip().toUpperCase(Locale.ROOT));
  }

  private static Store checkStore(String name, Store store, String protocol, boolean isKeystore) {
    if (store == null) {
      return null;
    }
    String prefix = "KAFKA_SSL_" + name;
    if (!isTls(protocol)) {
      throw new IllegalArgumentException(
          prefix
              + "_* is set but KAFKA_SECURITY_PROTOCOL is "
              + protocol
              + ": stores are used with SSL or SASL_SSL only");
    }
    if (store.location() == null) {
      throw new IllegalArgumentException(
          prefix + "_PASSWORD or _TYPE is set but " + prefix + "_LOCATION is not");
    }
    if (!Files.isReadable(Path.of(store.location()))) {
      throw new IllegalArgumentException(
          prefix + "_LOCATION names no readable file: " + store.location());
    }
    if (store.type() != null && !STORE_TYPES.contains(store.type())) {
      throw new IllegalArgumentException(
          prefix + "_TYPE must be JKS, PKCS12 or PEM, was " + store.type());
    }
    // A keystore holds a private key: Kafka cannot open a JKS or PKCS12 one without its password.
    if (isKeystore && store.password() == null && !"PEM".equals(store.type())) {
      throw new IllegalArgumentException(
          prefix + "_LOCATION is set but " + prefix + "_PASSWORD is not");
    }
    return store;
  }

  private static boolean isSasl(String protocol) {
    return protocol.startsWith("SASL_");
  }

  private static boolean isTls(String protocol) {
    return protocol.endsWith("SSL");
  }

  private static void putIfSet(Map<String, String> config, String key, String value) {
    if (value != null) {
      config.put(key, value);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
