package org.iprradar.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

  private static KafkaSecurity fromEnv(Map<String, String> env) {
    return KafkaSecurity.fromEnvironment(env::get);
  }

  @Test
  void shouldUsePlainTextWhenNothingIsSet() {
    var security = fromEnv(Map.of());
    assertEquals("PLAINTEXT", security.protocol());
    assertEquals(Map.of("security.protocol", "PLAINTEXT"), security.clientOverrides());
  }

  @Test
  void shouldGiveEveryClientTheSaslUsersJaasLine() {
    var security =
        fromEnv(
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "sasl_plaintext",
                "KAFKA_SASL_MECHANISM", "scram-sha-512",
                "KAFKA_SASL_USERNAME", "detect",
                "KAFKA_SASL_PASSWORD", "s3cret"));
    var config = security.clientOverrides();
    assertEquals("SASL_PLAINTEXT", config.get("security.protocol"));
    assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
    var options = loginOptions(config.get("sasl.jaas.config"));
    assertEquals("detect", options.get("username"));
    assertEquals("s3cret", options.get("password"));
    assertTrue(
        config.get("sasl.jaas.config").startsWith("org.apache.kafka.common.security.scram."));
  }

  @Test
  void shouldKeepQuotesAndBackslashesOfAPasswordAsTheyAre() {
    String password = "a\"b\\c d;e=f";
    var security = new KafkaSecurity("SASL_SSL", "PLAIN", "o'neil", password, null, null, null);
    var options = loginOptions(security.clientOverrides().get("sasl.jaas.config"));
    assertEquals(password, options.get("password"));
    assertEquals("o'neil", options.get("username"));
  }

  @Test
  void shouldNeverShowThePasswordsWhenLogged(@TempDir Path dir) throws Exception {
    Path store = Files.writeString(dir.resolve("client.p12"), "not really a store");
    var security =
        new KafkaSecurity(
            "SASL_SSL",
            "PLAIN",
            "ingest",
            "pw-sasl-1",
            KafkaSecurity.store(store.toString(), "pw-trust-2", "pkcs12"),
            KafkaSecurity.store(store.toString(), "pw-key-3", "PKCS12"),
            "pw-key-4");
    String logged = security + " " + security.truststore() + " " + security.keystore();
    for (String secret : new String[] {"pw-sasl-1", "pw-trust-2", "pw-key-3", "pw-key-4"}) {
      assertFalse(logged.contains(secret), logged);
    }
    assertTrue(logged.contains("ingest"), logged);
    var config = security.clientOverrides();
    assertEquals("pw-trust-2", config.get("ssl.truststore.password"));
    assertEquals("PKCS12", config.get("ssl.truststore.type"));
    assertEquals("pw-key-3", config.get("ssl.keystore.password"));
    assertEquals("pw-key-4", config.get("ssl.key.password"));
  }

  @Test
  void shouldRefuseSaslWithoutAUserNamingTheMissingSetting() {
    var env = new HashMap<String, String>();
    env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("KAFKA_SASL_MECHANISM", "PLAIN");
    var e = assertThrows(IllegalArgumentException.class, () -> fromEnv(env));
    assertTrue(e.getMessage().contains("KAFKA_SASL_USERNAME"), e.getMessage());

    env.put("KAFKA_SASL_USERNAME", "alerts");
    e = assertThrows(IllegalArgumentException.class, () -> fromEnv(env));
    assertTrue(e.getMessage().contains("KAFKA_SASL_PASSWORD"), e.getMessage());

    env.remove("KAFKA_SASL_MECHANISM");
    env.put("KAFKA_SASL_PASSWORD", "x");
    e = assertThrows(IllegalArgumentException.class, () -> fromEnv(env));
    assertTrue(e.getMessage().contains("KAFKA_SASL_MECHANISM"), e.getMessage());

    env.put("KAFKA_SASL_MECHANISM", "GSSAPI");
    e = assertThrows(IllegalArgumentException.class, () -> fromEnv(env));
    assertTrue(e.getMessage().contains("GSSAPI"), e.getMessage());
  }

  @Test
  void shouldRefuseCredentialsTheProtocolWouldIgnore() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fromEnv(Map.of("KAFKA_SASL_USERNAME", "detect", "KAFKA_SASL_PASSWORD", "x")));
    assertTrue(e.getMessage().contains("PLAINTEXT"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                fromEnv(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_USERNAME", "detect",
                        "KAFKA_SASL_PASSWORD", "x",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/trust.jks")));
    assertTrue(e.getMessage().contains("KAFKA_SSL_TRUSTSTORE"), e.getMessage());
  }

  @Test
  void shouldRefuseAnUnknownProtocolAndIncompleteStores(@TempDir Path dir) throws Exception {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS")));
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                fromEnv(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL",
                        "SSL",
                        "KAFKA_SSL_TRUSTSTORE_LOCATION",
                        dir.resolve("missing.jks").toString())));
    assertTrue(e.getMessage().contains("missing.jks"), e.getMessage());

    Path keystore = Files.writeString(dir.resolve("client.jks"), "x");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                fromEnv(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL",
                        "SSL",
                        "KAFKA_SSL_KEYSTORE_LOCATION",
                        keystore.toString())));
    assertTrue(e.getMessage().contains("KAFKA_SSL_KEYSTORE_PASSWORD"), e.getMessage());

    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                fromEnv(
                    Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SSL",
                        "KAFKA_SSL_TRUSTSTORE_PASSWORD", "x")));
    assertTrue(e.getMessage().contains("KAFKA_SSL_TRUSTSTORE_LOCATION"), e.getMessage());
  }

  @Test
  void shouldLetTlsUseTheJvmsTrustWhenNoTruststoreIsNamed() {
    var config = fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL")).clientOverrides();
    assertEquals(Map.of("security.protocol", "SSL"), config);
  }

  /** The options of the JAAS line's one login module, as Kafka's own parser reads them. */
  private static Map<String, ?> loginOptions(String jaas) {
    var context = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(jaas)));
    assertEquals(1, context.configurationEntries().size());
    return context.configurationEntries().get(0).getOptions();
  }
}
