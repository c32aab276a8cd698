package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system against a cluster that takes only SASL logins: with the right credentials a listing
 * becomes an alert, so every client on the way (ingest's publisher and version follower, detect's
 * rule feed and Streams app, alerts' Streams apps, producers and readers, the admin clients) sent
 * them; with a wrong password the start fails and says why.
 */
class SecureClusterIT {

  private static final String USER = "ipr-radar";
  private static final String PASSWORD = "n0t-the-demo-secret";

  @ParameterizedTest
  @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256"})
  void shouldTurnAListingIntoAnAlertOnAClusterThatRequiresCredentials(
      String mechanism, @TempDir Path clusterDir, @TempDir Path appDir) throws Exception {
    try (var cluster =
        EmbeddedKafkaBroker.startWithSaslUsers(clusterDir, 2, Map.of(USER, PASSWORD))) {
      assertRefusesClientsWithoutCredentials(cluster.bootstrapServers());

      var settings = settings(appDir, cluster, PASSWORD);
      settings.put("kafka.sasl.mechanism", mechanism);
      try (var app = Standalone.start(settings)) {
        var api = new ApiClient(app::url);
        String line =
            "{\"platform\":\"taobao\",\"listingId\":\"sasl-1\",\"title\":\"驴牌 老花 手袋 高仿 专柜品质\","
                + "\"price\":399,\"sellerId\":\"tb_sasl\",\"sellerRegion\":\"320602\","
                + "\"category\":\"luxury_bags\"}";
        var response = api.post("/api/v1/listings", "application/x-ndjson", line);
        assertEquals(202, response.statusCode(), response.body());

        var alert = api.awaitAlert("taobao:tb_sasl:COUNTERFEIT_TRADEMARK");
        assertEquals("MARKET_SUPERVISION", alert.get("bureau").get("id").asText());

        // The health check's own admin client logs in too: Kafka and every Streams app are UP.
        var health = ApiClient.json(api.get("/health"));
        assertEquals("UP", health.get("details").get("kafka").get("status").asText(), "" + health);
        assertEquals(
            "UP", health.get("details").get("kafkaStreams").get("status").asText(), "" + health);
      }
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // a bound, so a regression hangs no build
  void shouldRefuseToStartWithAWrongPasswordAndSayWhy(
      @TempDir Path clusterDir, @TempDir Path appDir) {
    String wrong = "wrong-password-42";
    try (var cluster =
        EmbeddedKafkaBroker.startWithSaslUsers(clusterDir, 2, Map.of(USER, PASSWORD))) {
      var failure =
          assertThrows(
              RuntimeException.class,
              () -> Standalone.start(settings(appDir, cluster, wrong)).close());

      String messages = messages(failure);
      assertTrue(messages.contains("refused this service's credentials"), messages);
      assertTrue(messages.contains(cluster.bootstrapServers()), messages);
      assertFalse(messages.contains(wrong), "the password is not in the error: " + messages);
    }
  }

  @Test
  void shouldRefuseSaslWithoutAUserBeforeConnecting(@TempDir Path appDir) {
    var settings = TestSystem.settings(appDir);
    settings.put("kafka.bootstrap-servers", "localhost:1");
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-256");

    var failure = assertThrows(RuntimeException.class, () -> Standalone.start(settings).close());

    String messages = messages(failure);
    assertTrue(messages.contains("KAFKA_SASL_USERNAME"), messages);
  }

  @Test
  void shouldRefuseCredentialsForTheEmbeddedBroker(@TempDir Path appDir) {
    var settings = TestSystem.settings(appDir);
    settings.put("kafka.security.protocol", "SASL_PLAINTEXT");

    var failure = assertThrows(RuntimeException.class, () -> Standalone.start(settings).close());

    assertTrue(
        failure.getMessage().contains("embedded broker is plain text only"), messages(failure));
    assertFalse(Files.exists(appDir.resolve("kafka")), "no embedded broker was started");
  }

  private static Map<String, Object> settings(
      Path appDir, EmbeddedKafkaBroker cluster, String password) {
    Map<String, Object> settings = new HashMap<>(TestSystem.settings(appDir));
    settings.put("kafka.bootstrap-servers", cluster.bootstrapServers());
    settings.put("kafka.security.protocol", "SASL_PLAINTEXT");
    settings.put("kafka.sasl.mechanism", "PLAIN");
    settings.put("kafka.sasl.username", USER);
    settings.put("kafka.sasl.password", password);
    return settings;
  }

  /** A client without credentials gets nothing from the cluster's client port. */
  private static void assertRefusesClientsWithoutCredentials(String bootstrapServers) {
    try (var admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000))) {
      assertThrows(
          ExecutionException.class,
          () -> admin.listTopics(new ListTopicsOptions().timeoutMs(3_000)).names().get());
    }
  }

  /** The messages of the exception and its causes, one a line. */
  private static String messages(Throwable failure) {
    var text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
