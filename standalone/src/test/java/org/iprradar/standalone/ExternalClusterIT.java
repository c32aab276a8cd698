package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.iprradar.common.kafka.Topics;
import org.iprradar.ingest.http.ListingIngestor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming a cluster in {@code kafka.bootstrap-servers} uses it and starts no broker of its own. */
class ExternalClusterIT {

  @Test
  void shouldUseTheNamedClusterAndStartNoEmbeddedBroker(
      @TempDir Path clusterDir, @TempDir Path appDir) throws Exception {
    try (var cluster = EmbeddedKafkaBroker.start(clusterDir, 0, 1);
        var app =
            Standalone.start(
                Map.of(
                    "micronaut.server.port", -1,
                    "ipr.data-dir", appDir.toString(),
                    "kafka.bootstrap-servers", cluster.bootstrapServers()))) {

      assertEquals(cluster.bootstrapServers(), app.bootstrapServers());
      assertFalse(Files.exists(appDir.resolve("kafka")), "no broker data of its own");
      try (var admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
        var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertTrue(topics.contains(Topics.LISTINGS.name()), topics.toString());
        assertTrue(topics.contains(Topics.LEADS.name()), topics.toString());
      }

      var demo = DemoLoader.load(app.context().getBean(ListingIngestor.class));
      assertEquals(11, demo.accepted());
      assertEquals(1, demo.rejected(), "the demo shows one rejected record on purpose");
    }
  }
}
