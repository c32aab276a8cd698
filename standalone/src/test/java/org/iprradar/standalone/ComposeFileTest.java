package org.iprradar.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks {@code docker/compose.yml} without Docker: it parses, names only images built from this
 * repository or the official Kafka image, sets only settings the services read (each in the
 * settings table of docs/DEPLOYMENT.md), and replicates every topic three times with two in sync.
 * {@code docker/check-compose.sh} runs this test alone.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path COMPOSE = ROOT.resolve("docker/compose.yml");
  private static final Pattern KAFKA_IMAGE = Pattern.compile("apache/kafka:[0-9][\\w.-]*");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+)` \\| `([A-Z0-9_]+)` \\|");

  private static final Pattern DOCUMENTED_ROW =
      Pattern.compile("^\\| [^|]+ \\| `([A-Z0-9_]+)` \\|");
  private static final Pattern YML_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  // A variable's full name in a string literal, or a kafka.* setting read with @Value.
  private static final Pattern JAVA_READS =
      Pattern.compile("\"((?:KAFKA|IPR)_[A-Z0-9_]*[A-Z0-9])\"|\\$\\{(kafka\\.[a-z.-]+)");

  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    Map<String, Object> compose;
    try (var in = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
      compose = new Yaml().load(in);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
    assertTrue(services != null && !services.isEmpty(), "compose.yml has services");
  }

  @Test
  void shouldUseOnlyTheKafkaImageAndImagesBuiltHere() {
    for (var service : services.entrySet()) {
      var build = map(service.getValue().get("build"));
      var image = String.valueOf(service.getValue().get("image"));
      if (build.isEmpty()) {
        assertTrue(
            KAFKA_IMAGE.matcher(image).matches(),
            service.getKey()
                + ": image "
                + image
                + " is neither apache/kafka:<tag> nor built here");
        continue;
      }
      Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
      Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
      assertTrue(
          Files.isRegularFile(dockerfile),
          service.getKey() + ": no Dockerfile at " + ROOT.relativize(dockerfile));
      assertTrue(
          image.startsWith("ipr-radar-"), service.getKey() + ": a built image named " + image);
    }
  }

  @Test
  void shouldBuildEveryServiceImageToRunAsItsModulesJarWithoutRoot() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("docker"))) {
      for (Path dockerfile :
          files.filter(f -> f.getFileName().toString().startsWith("Dockerfile.")).toList()) {
        String module = dockerfile.getFileName().toString().substring("Dockerfile.".length());
        String text = Files.readString(dockerfile);
        String name = ROOT.relativize(dockerfile).toString();
        String runStage = text.substring(text.lastIndexOf("\nFROM "));
        assertTrue(runStage.startsWith("\nFROM eclipse-temurin:17-jre"), name + " runs on a JRE");
        assertTrue(runStage.contains("\nUSER ipr\n"), name + " runs as the non-root user ipr");
        assertTrue(runStage.contains("\nHEALTHCHECK "), name + " has a health check");
        String jar = "ipr-radar-" + module + ".jar";
        assertTrue(
            runStage.contains("/src/" + module + "/target/" + jar),
            name + " copies " + module + "'s jar");
        assertTrue(
            Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                .contains("<finalName>ipr-radar-" + module + "</finalName>"),
            module + " builds " + jar);
      }
    }
  }

  @Test
  void shouldSetOnlySettingsTheServicesReadAndTheTableDocuments() throws IOException {
    Map<String, String> table = settingsTable();
    var undocumented = new TreeSet<String>();
    for (var service : appServices().entrySet()) {
      for (String name : environment(service.getValue()).keySet()) {
        if (!table.containsKey(name)) {
          undocumented.add(service.getKey() + " sets " + name);
        }
      }
    }
    assertEquals(Set.of(), undocumented, "not in the settings table of docs/DEPLOYMENT.md");

    String sources = mainSources();
    for (var row : table.entrySet()) {
      String variable = row.getKey();
      String setting = row.getValue();
      assertEquals(
          "x" + variable,
          resolve(variable, "x" + variable, setting),
          variable + " does not set " + setting + " as Micronaut reads the environment");
      assertTrue(isRead(setting, variable, sources), setting + " is not read anywhere in src/main");
    }
  }

  @Test
  void shouldDocumentEveryVariableTheServicesRead() throws IOException {
    Set<String> documented = documentedVariables();
    Map<String, String> table = settingsTable();
    var missing = new TreeSet<String>();
    for (var read : servicesRead().entrySet()) {
      String name = read.getKey();
      boolean isSetting = name.contains(".");
      if (isSetting ? !table.containsValue(name) : !documented.contains(name)) {
        missing.add(name + " (read in " + read.getValue() + ")");
      }
    }
    assertEquals(Set.of(), missing, "not in the settings table of docs/DEPLOYMENT.md");
  }

  @Test
  void shouldLogEveryServiceInWithAPasswordKeptOutOfTheFile() throws IOException {
    var brokers = kafkaServices();
    for (var service : appServices().entrySet()) {
      var env = environment(service.getValue());
      String name = service.getKey();
      assertTrue(
          env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "").startsWith("SASL_"),
          name + " logs in with SASL");
      String password = env.getOrDefault("KAFKA_SASL_PASSWORD", "");
      assertTrue(
          password.startsWith("${") && password.contains(":?"),
          name + ": the password comes from the environment and is required, not " + password);
      String user = env.get("KAFKA_SASL_USERNAME");
      assertEquals("PLAIN", env.get("KAFKA_SASL_MECHANISM"), name);
      for (var broker : brokers.entrySet()) {
        var brokerEnv = environment(broker.getValue());
        String clientListener = listenerOfPort(brokerEnv.get("KAFKA_LISTENERS"), "9092");
        assertTrue(
            brokerEnv
                .get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")
                .contains(clientListener + ":" + env.get("KAFKA_SECURITY_PROTOCOL")),
            broker.getKey() + " takes SASL logins on the port the services name");
        String jaas =
            brokerEnv.getOrDefault(
                "KAFKA_LISTENER_NAME_"
                    + clientListener
                    + "_"
                    + env.get("KAFKA_SASL_MECHANISM")
                    + "_SASL_JAAS_CONFIG",
                "");
        assertTrue(
            jaas.contains("user_" + user + "=\"" + password + "\""),
            broker.getKey() + " knows user " + user + " with the services' password: " + jaas);
      }
    }
    assertTrue(
        Files.readString(ROOT.resolve("docker/.env.example")).contains("IPR_KAFKA_PASSWORD="),
        "docker/.env.example shows where the password goes");
    assertTrue(
        Files.readAllLines(ROOT.resolve(".gitignore")).contains("docker/.env"),
        "the chosen password stays out of git");
  }

  /** The name of the listener on {@code port} in a {@code NAME://host:port,...} list. */
  private static String listenerOfPort(String listeners, String port) {
    for (String listener : listeners.split(",")) {
      if (listener.endsWith(":" + port)) {
        return listener.substring(0, listener.indexOf(':'));
      }
    }
    throw new AssertionError("no listener on port " + port + " in " + listeners);
  }

  @Test
  void shouldReplicateEveryTopicThreeTimesWithTwoInSync() {
    var brokers = kafkaServices();
    assertEquals(3, brokers.size(), "three brokers: " + brokers.keySet());
    var nodeIds = new HashSet<String>();
    for (var broker : brokers.entrySet()) {
      var env = environment(broker.getValue());
      String name = broker.getKey();
      assertEquals("3", env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"), name);
      assertEquals("2", env.get("KAFKA_MIN_INSYNC_REPLICAS"), name);
      assertEquals("3", env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"), name);
      assertEquals("3", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"), name);
      assertEquals("2", env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"), name);
      assertTrue(nodeIds.add(env.get("KAFKA_NODE_ID")), name + " has a node id of its own");
      assertEquals(
          brokers.size(),
          env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",").length,
          name + ": every broker votes");
      assertTrue(
          volumes(broker.getValue()).stream().anyMatch(v -> v.endsWith(":/var/lib/kafka/data")),
          name + " keeps its log in a named volume");
    }
    for (var service : appServices().entrySet()) {
      var env = environment(service.getValue());
      assertEquals("3", env.get("IPR_KAFKA_REPLICATION_FACTOR"), service.getKey());
      for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
        assertTrue(
            brokers.containsKey(server.split(":")[0]),
            service.getKey() + " names an unknown broker " + server);
      }
    }
  }

  @Test
  void shouldLetEveryAlertsInstanceReachTheOthers() {
    int alerts = 0;
    for (var service : appServices().entrySet()) {
      if (!String.valueOf(service.getValue().get("image")).equals("ipr-radar-alerts")) {
        continue;
      }
      alerts++;
      assertEquals(
          "http://" + service.getKey() + ":8083",
          environment(service.getValue()).get("IPR_ALERTS_ADVERTISED_URL"),
          service.getKey() + " advertises the address the others reach it at");
      assertTrue(
          volumes(service.getValue()).contains(service.getKey() + ":/var/lib/ipr-radar/data"),
          service.getKey() + " keeps its state in a volume of its own");
    }
    assertEquals(2, alerts, "two alerts instances");
  }

  private static Map<String, Map<String, Object>> kafkaServices() {
    var found = new LinkedHashMap<String, Map<String, Object>>();
    services.forEach(
        (name, service) -> {
          if (KAFKA_IMAGE.matcher(String.valueOf(service.get("image"))).matches()) {
            found.put(name, service);
          }
        });
    return found;
  }

  private static Map<String, Map<String, Object>> appServices() {
    var found = new LinkedHashMap<>(services);
    found.keySet().removeAll(kafkaServices().keySet());
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    var env = new LinkedHashMap<String, String>();
    Object value = service.get("environment");
    if (value instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        env.put(pair[0], pair.length > 1 ? pair[1] : null);
      }
    } else {
      map(value).forEach((k, v) -> env.put(k, String.valueOf(v)));
    }
    return env;
  }

  private static List<String> volumes(Map<String, Object> service) {
    var found = new ArrayList<String>();
    if (service.get("volumes") instanceof List<?> list) {
      list.forEach(v -> found.add(String.valueOf(v)));
    }
    return found;
  }

  /** Environment variable to setting, from the table's rows {@code | `setting` | `VAR` | ...}. */
  private static Map<String, String> settingsTable() throws IOException {
    var table = new LinkedHashMap<String, String>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/DEPLOYMENT.md"))) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        table.put(row.group(2), row.group(1));
      }
    }
    assertTrue(table.size() >= 5, "docs/DEPLOYMENT.md has its settings table: " + table);
    return table;
  }

  /** Every variable in the second column of a settings-table row, with or without a setting. */
  private static Set<String> documentedVariables() throws IOException {
    var documented = new HashSet<String>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/DEPLOYMENT.md"))) {
      Matcher row = DOCUMENTED_ROW.matcher(line);
      if (row.find()) {
        documented.add(row.group(1));
      }
    }
    return documented;
  }

  /**
   * What the services read from the environment, with a file that reads it: the variables named in
   * their configuration ({@code ${PORT:8081}}) or in their code ({@code "KAFKA_SASL_USERNAME"}),
   * and the {@code kafka.*} settings they read by name, whose variables Micronaut derives. The
   * operator command-line tool's own variables ({@code IPR_URL}) are documented with it in the
   * README.
   */
  private static Map<String, String> servicesRead() throws IOException {
    var read = new TreeMap<String, String>();
    for (String module : List.of("common", "web", "ingest", "detect", "alerts", "standalone")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (name.equals("OperatorCli.java")) {
            continue;
          }
          Pattern pattern =
              name.endsWith(".yml") ? YML_VARIABLE : name.endsWith(".java") ? JAVA_READS : null;
          if (pattern == null) {
            continue;
          }
          Matcher found = pattern.matcher(Files.readString(file));
          while (found.find()) {
            String variable = found.group(1) != null ? found.group(1) : found.group(2);
            read.putIfAbsent(variable, ROOT.relativize(file).toString());
          }
        }
      }
    }
    assertTrue(
        read.containsKey("KAFKA_SASL_PASSWORD"), "the scan finds what it looks for: " + read);
    return read;
  }

  /** The setting's value when only {@code variable} is set, read as the services read config. */
  private static String resolve(String variable, String value, String setting) {
    var source =
        PropertySource.of(
            "compose",
            Map.of(variable, value),
            PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
    try (var context = ApplicationContext.builder().propertySources(source).build()) {
      return context.getEnvironment().start().getProperty(setting, String.class).orElse(null);
    }
  }

  /**
   * Whether the sources read the setting: by name ({@code @Value}), by its variable (a placeholder
   * in application.yml such as {@code port: ${PORT:8083}}), or as a component of a configuration
   * record under its prefix ({@code ipr.alerts.advertised-url} is {@code advertisedUrl} of
   * {@code @ConfigurationProperties("ipr.alerts")}).
   */
  private static boolean isRead(String setting, String variable, String sources) {
    if (sources.contains("${" + setting) || sources.contains("${" + variable + ":")) {
      return true;
    }
    int dot = setting.lastIndexOf('.');
    String prefix = "@ConfigurationProperties(\"" + setting.substring(0, dot) + "\")";
    String component = camel(setting.substring(dot + 1));
    for (String file : sources.split("\u0000")) {
      if (file.contains(prefix)
          && Pattern.compile("\\b" + component + "\\b").matcher(file).find()) {
        return true;
      }
    }
    return false;
  }

  private static String camel(String kebab) {
    var out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Every main Java source and configuration file of the services, separated by NUL. */
  private static String mainSources() throws IOException {
    var all = new StringBuilder();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(p -> p.toString().contains("/src/main/"))
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yml"))
          .forEach(
              p -> {
                try {
                  all.append(Files.readString(p)).append('\u0000');
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    if (all.isEmpty()) {
      fail("no sources under " + ROOT);
    }
    return all.toString();
  }
}
