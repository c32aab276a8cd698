package org.iprradar.standalone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iprradar.common.kafka.Topics;
import org.iprradar.detect.operator.OperatorCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator API of a running system: a rule saved with validation and history, a dry run that
 * writes to no topic, rule performance, and a YAML export imported again.
 */
class OperatorIT {

  private static final String RULE_ID = "it-operator-deer";
  private static final String BY = "X-Changed-By";

  @TempDir static Path dataDir;

  private static Standalone app;
  private static final ApiClient API = new ApiClient(() -> app.url());

  @BeforeAll
  static void start() {
    app = TestSystem.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String rule(int weight) {
    return "{\"id\":\""
        + RULE_ID
        + "\",\"query\":\"\\\"鹿标特供\\\"\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\","
        + "\"weight\":"
        + weight
        + ",\"enabled\":true,\"description\":\"deer-label slang\"}";
  }

  /**
   * The end offset of every partition of every topic an operator change could reach; not the
   * audit's, which records every POST, the dry run's too.
   */
  /**
   * The end offsets once the pipeline has settled: an alert is readable through the API before the
   * transaction that wrote it commits, and the commit marker still moves its topics' end offsets.
   */
  private static Map<TopicPartition, Long> settledEndOffsets() throws InterruptedException {
    var last = endOffsets();
    long deadline = System.nanoTime() + ApiClient.PIPELINE.toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      var now = endOffsets();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the topics kept moving: " + last);
  }

  private static Map<TopicPartition, Long> endOffsets() {
    var names = new ArrayList<String>();
    Topics.ALL.stream().filter(t -> t != Topics.AUDIT).forEach(t -> names.add(t.name()));
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      var partitions = new ArrayList<TopicPartition>();
      for (String name : names) {
        consumer
            .partitionsFor(name)
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      return consumer.endOffsets(partitions);
    }
  }

  @Test
  void operatorsManageDryRunMeasureAndExportRules() throws Exception {
    // A listing the rule book has seen, so that the dry run has recent traffic to work on.
    assertEquals(202, API.postBagListing("op-1", "op-seller").statusCode());
    API.awaitAlert("taobao:op-seller:COUNTERFEIT_TRADEMARK");

    var refused =
        API.send(
            "PUT",
            "/api/v1/operator/rules/" + RULE_ID,
            "application/json",
            rule(150).replace("\\\"鹿标特供\\\"", "(鹿标特供"),
            BY,
            "it-operator");
    assertEquals(400, refused.statusCode(), refused.body());
    var fields = new ArrayList<String>();
    ApiClient.json(refused).get("problems").forEach(p -> fields.add(p.get("field").asText()));
    assertEquals(List.of("weight", "query"), fields, refused.body());

    var saved =
        API.send(
            "PUT",
            "/api/v1/operator/rules/" + RULE_ID,
            "application/json",
            rule(40),
            BY,
            "it-operator");
    assertEquals(200, saved.statusCode(), saved.body());
    await()
        .atMost(ApiClient.PIPELINE)
        .until(() -> API.get("/api/v1/operator/rules/" + RULE_ID).statusCode() == 200);
    JsonNode history = ApiClient.json(API.get("/api/v1/operator/rules/" + RULE_ID + "/history"));
    assertEquals(1, history.size(), history.toString());
    // The signed-in caller, not the X-Changed-By the request claims.
    assertEquals("it-superuser", history.get(0).get("changedBy").asText());
    assertEquals("CREATE", history.get(0).get("action").asText());

    Map<TopicPartition, Long> before = settledEndOffsets();
    var dryRun =
        API.postJson(
            "/api/v1/operator/dry-run",
            "{\"rule\":{\"id\":\"it-draft\",\"query\":\"\\\"老花\\\"\","
                + "\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":90},"
                + "\"leadThreshold\":50}");
    assertEquals(200, dryRun.statusCode(), dryRun.body());
    JsonNode result = ApiClient.json(dryRun);
    assertTrue(result.get("listings").asInt() >= 1, dryRun.body());
    assertTrue(result.get("hitsAfter").asInt() >= 1, dryRun.body());
    assertEquals(before, endOffsets(), "a dry run wrote to a topic");
    assertEquals(404, API.get("/api/v1/operator/rules/it-draft").statusCode());

    var performance = API.get("/api/v1/operator/rules/performance");
    assertEquals(200, performance.statusCode(), performance.body());
    var ruleIds = new ArrayList<String>();
    ApiClient.json(performance).forEach(p -> ruleIds.add(p.get("ruleId").asText()));
    assertTrue(ruleIds.contains(RULE_ID), performance.body());

    var yaml = API.get("/api/v1/operator/rules.yaml");
    assertEquals(200, yaml.statusCode());
    assertTrue(yaml.body().contains(RULE_ID), yaml.body());
    var imported =
        API.send("POST", "/api/v1/operator/import", "application/yaml", yaml.body(), BY, "it");
    assertEquals(200, imported.statusCode(), imported.body());
    var summary = ApiClient.json(imported);
    assertEquals(
        0, summary.path("updated").size() + summary.path("created").size(), imported.body());
    assertTrue(summary.path("unchanged").toString().contains("rule:" + RULE_ID), imported.body());

    // The command-line tool round-trips the same through a file.
    Path file = dataDir.resolve("exported.yaml");
    var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    var cli = new OperatorCli(quiet, quiet, app.url(), "it-cli", TestTokens.superuser());
    assertEquals(0, cli.run(new String[] {"export", "all", file.toString()}));
    assertTrue(Files.readString(file).contains(RULE_ID));
    Files.writeString(file, Files.readString(file).replace("weight: 40", "weight: 45"));
    assertEquals(0, cli.run(new String[] {"import", file.toString()}));
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () ->
                ApiClient.json(API.get("/api/v1/operator/rules/" + RULE_ID)).get("weight").asInt()
                    == 45);
    JsonNode last =
        ApiClient.json(API.get("/api/v1/operator/rules/" + RULE_ID + "/history")).get(1);
    assertEquals("it-superuser", last.get("changedBy").asText(), "the token's name, not --as");
    assertEquals("IMPORT", last.get("action").asText());
    Files.writeString(file, "rules:\n  - id: bad\n    weight: 400\n");
    assertEquals(1, cli.run(new String[] {"import", file.toString()}));
  }

  /**
   * Thresholds and weights through the operator API against the broker: refused by field, previewed
   * without a write to any topic, saved with its history and applied; and a rule put through
   * ingest's API gets a history entry in the same topic, with who made it.
   */
  @Test
  void operatorsPreviewSaveAndTraceScoringSettingsAndIngestChanges(@TempDir Path dir)
      throws Exception {
    String alertId = "taobao:op-sc-seller:COUNTERFEIT_TRADEMARK";
    assertEquals(202, API.postBagListing("op-sc-1", "op-sc-seller").statusCode());
    API.awaitAlert(alertId);

    var refused =
        API.send(
            "PUT",
            "/api/v1/operator/scoring/default",
            "application/json",
            "{\"leadThreshold\":101,\"brandMentionWieght\":3}",
            BY,
            "it-tuner");
    assertEquals(400, refused.statusCode(), refused.body());
    var fields = new ArrayList<String>();
    ApiClient.json(refused).get("problems").forEach(p -> fields.add(p.get("field").asText()));
    assertEquals(List.of("leadThreshold", "brandMentionWieght"), fields, refused.body());

    Map<TopicPartition, Long> before = settledEndOffsets();
    var preview =
        API.postJson(
            "/api/v1/operator/scoring/preview",
            "{\"key\":\"luxury_bags\",\"settings\":{\"leadThreshold\":100,"
                + "\"brandMentionWeight\":0,\"priceBelowBandWeight\":0}}");
    assertEquals(200, preview.statusCode(), preview.body());
    assertTrue(
        ApiClient.json(preview).path("goneLeads").toString().contains(alertId), preview.body());
    assertEquals(before, endOffsets(), "a preview wrote to a topic");

    var saved =
        API.send(
            "PUT",
            "/api/v1/operator/scoring/luxury_bags",
            "application/json",
            "{\"leadThreshold\":60,\"networkCap\":15,\"description\":\"it\"}",
            BY,
            "it-tuner");
    assertEquals(200, saved.statusCode(), saved.body());
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () ->
                ApiClient.json(API.get("/api/v1/operator/scoring"))
                    .path("categories")
                    .toString()
                    .contains("\"networkCap\":15.0"));
    JsonNode history = ApiClient.json(API.get("/api/v1/operator/scoring/luxury_bags/history"));
    assertEquals(1, history.size(), history.toString());
    assertEquals("it-superuser", history.get(0).get("changedBy").asText());
    assertEquals("CREATE", history.get(0).get("action").asText());
    assertEquals(
        204,
        API.send(
                "DELETE",
                "/api/v1/operator/scoring/luxury_bags",
                "application/json",
                "",
                BY,
                "it-tuner")
            .statusCode());

    // The same through the command line: set, refused, preview, history, delete.
    Path settings = Files.writeString(dir.resolve("shoes.json"), "{\"leadThreshold\":70}");
    Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"leadThreshold\":101}");
    var printed = new ByteArrayOutputStream();
    var errors = new ByteArrayOutputStream();
    var cli =
        new OperatorCli(
            new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(errors, true, StandardCharsets.UTF_8),
            app.url(),
            "it-cli",
            TestTokens.superuser());
    assertEquals(0, cli.run(new String[] {"scoring", "set", "shoes", settings.toString()}));
    assertEquals(1, cli.run(new String[] {"scoring", "set", "shoes", wrong.toString()}));
    assertTrue(
        errors.toString(StandardCharsets.UTF_8).contains("leadThreshold"), errors.toString());
    assertEquals(0, cli.run(new String[] {"scoring", "preview", "shoes", settings.toString()}));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("leadListingsBefore"));
    await()
        .atMost(ApiClient.PIPELINE)
        .until(
            () ->
                cli.run(new String[] {"history", "scoring", "shoes"}) == 0
                    && printed.toString(StandardCharsets.UTF_8).contains("\"CREATE\""));
    assertEquals(0, cli.run(new String[] {"scoring", "delete", "shoes"}));

    var viaIngest =
        API.send(
            "PUT",
            "/api/v1/rules/it-ingest-rule",
            "application/json",
            "{\"query\":\"\\\"鹿标专供\\\"\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\","
                + "\"weight\":30,\"version\":4}",
            BY,
            "partner.it");
    assertEquals(202, viaIngest.statusCode(), viaIngest.body());
    JsonNode ingestHistory =
        ApiClient.json(API.get("/api/v1/operator/rules/it-ingest-rule/history"));
    assertEquals(1, ingestHistory.size(), ingestHistory.toString());
    assertEquals("it-superuser", ingestHistory.get(0).get("changedBy").asText());
    assertEquals("PUT", ingestHistory.get(0).get("action").asText());
    assertEquals(4, ingestHistory.get(0).get("version").asInt());
  }
}
