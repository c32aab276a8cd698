package org.iprradar.detect.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iprradar.common.json.Json;

/**
 * The operator API from a shell, so that a city can keep its rules and brands in version control
 * and apply them to a running system:
 *
 * <pre>
 * operator [--url URL] [--by NAME] export rules|brands|all [FILE]
 * operator [--url URL] --by NAME import FILE
 * operator [--url URL] dry-run DRAFT.json [--sample LISTINGS.ndjson] [--threshold N]
 * operator [--url URL] performance
 * operator [--url URL] history rule|brand|scoring ID
 * operator [--url URL] scoring
 * operator [--url URL] [--by NAME] scoring set|delete KEY [SETTINGS.json]
 * operator [--url URL] scoring preview KEY SETTINGS.json|delete [--sample LISTINGS.ndjson]
 * </pre>
 *
 * Exit status 0 when the system did it, 1 when it refused (the problems are printed), 2 for a usage
 * error or a system that cannot be reached.
 */
public final class OperatorCli {

  private static final String USAGE =
      """
      usage: operator [--url URL] [--by NAME] COMMAND
        export rules|brands|all [FILE]   write the YAML export to FILE or standard output
        import FILE                      import a YAML file (needs --by); all or nothing
        dry-run DRAFT.json [--sample LISTINGS.ndjson] [--threshold N]
                                         what a draft rule (or threshold) would do
        performance                      per-rule hits, alerts and precision, worst first
        history rule|brand|scoring ID    who changed what, oldest first
        scoring                          the weights and thresholds in force, by category
        scoring set KEY SETTINGS.json    replace the entry of KEY (default or a category)
        scoring delete KEY               remove the entry of KEY: the values beneath apply
        scoring preview KEY SETTINGS.json|delete [--sample LISTINGS.ndjson]
                                         what setting (or removing) the entry would change
      URL defaults to $IPR_URL or http://localhost:8080; NAME to $USER. $IPR_TOKEN is the bearer
      token of an operator's sign-in (POST /login), sent with every request.""";

  private static final String SCORING = "/api/v1/operator/scoring";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final PrintStream out;
  private final PrintStream err;
  private String url;
  private String by;
  private final String token;

  /**
   * @param url the running system, such as {@code http://localhost:8080}
   * @param by who makes the changes, or null
   */
  public OperatorCli(PrintStream out, PrintStream err, String url, String by) {
    this(out, err, url, by, null);
  }

  /**
   * @param token an operator's or administrator's bearer token, or null to send none
   */
  public OperatorCli(PrintStream out, PrintStream err, String url, String by, String token) {
    this.out = out;
    this.err = err;
    this.url = url;
    this.by = by;
    this.token = token == null || token.isBlank() ? null : token.strip();
  }

  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("IPR_URL", "http://localhost:8080");
    String by = System.getenv("USER");
    String token = System.getenv("IPR_TOKEN");
    System.exit(new OperatorCli(System.out, System.err, url, by, token).run(args));
  }

  /**
   * @return the exit status
   */
  public int run(String[] args) {
    var rest = new ArrayList<String>();
    String sample = null;
    Double threshold = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> url = args[++i];
          case "--by" -> by = args[++i];
          case "--sample" -> sample = args[++i];
          case "--threshold" -> threshold = Double.valueOf(args[++i]);
          default -> rest.add(args[i]);
        }
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      return usage("an option lacks its value or it is not a number");
    }
    if (rest.isEmpty()) {
      return usage("no command");
    }
    url = url.replaceAll("/+$", "");
    try {
      return switch (rest.get(0)) {
        case "export" -> export(rest);
        case "import" -> importFile(rest);
        case "dry-run" -> dryRun(rest, sample, threshold);
        case "performance" -> print(send(get("/api/v1/operator/rules/performance")));
        case "history" -> history(rest);
        case "scoring" -> scoring(rest, sample);
        default -> usage("unknown command " + rest.get(0));
      };
    } catch (IOException e) {
      err.println("cannot reach " + url + ": " + e);
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  private int export(List<String> args) throws IOException, InterruptedException {
    if (args.size() < 2 || !List.of("rules", "brands", "all").contains(args.get(1))) {
      return usage("export what: rules, brands or all");
    }
    String what = args.get(1).equals("all") ? "config" : args.get(1);
    var response = send(get("/api/v1/operator/" + what + ".yaml"));
    if (response.statusCode() != 200) {
      return print(response);
    }
    if (args.size() > 2) {
      Files.writeString(Path.of(args.get(2)), response.body(), StandardCharsets.UTF_8);
      err.println("wrote " + args.get(2));
    } else {
      out.print(response.body());
    }
    return 0;
  }

  private int importFile(List<String> args) throws IOException, InterruptedException {
    if (args.size() < 2) {
      return usage("import which file");
    }
    if (by == null || by.isBlank()) {
      return usage("--by NAME is required: the history records who imported");
    }
    String yaml = Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
    return print(
        send(
            request("/api/v1/operator/import")
                .header("Content-Type", "application/yaml")
                .header(OperatorController.CHANGED_BY, by)
                .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))));
  }

  private int dryRun(List<String> args, String sample, Double threshold)
      throws IOException, InterruptedException {
    ObjectNode body = Json.mapper().createObjectNode();
    if (args.size() > 1) {
      body.set("rule", Json.mapper().readTree(Files.readString(Path.of(args.get(1)))));
    }
    if (sample != null) {
      body.put("sample", Files.readString(Path.of(sample), StandardCharsets.UTF_8));
    }
    if (threshold != null) {
      body.put("leadThreshold", threshold);
    }
    return print(
        send(
            request("/api/v1/operator/dry-run")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
  }

  private int history(List<String> args) throws IOException, InterruptedException {
    if (args.size() < 3 || !List.of("rule", "brand", "scoring").contains(args.get(1))) {
      return usage("history rule|brand|scoring ID");
    }
    // Rules and brands are collections (/rules/ID); scoring is one resource of keys (/scoring/KEY).
    String kind = args.get(1).equals("scoring") ? "scoring" : args.get(1) + "s";
    return print(send(get("/api/v1/operator/" + kind + "/" + args.get(2) + "/history")));
  }

  private int scoring(List<String> args, String sample) throws IOException, InterruptedException {
    if (args.size() == 1) {
      return print(send(get(SCORING)));
    }
    String action = args.get(1);
    if (args.size() < 3 || !List.of("set", "delete", "preview").contains(action)) {
      return usage("scoring, or scoring set|delete|preview KEY ...");
    }
    String key = args.get(2);
    if (action.equals("delete")) {
      return print(send(changedBy(request(SCORING + "/" + key)).DELETE()));
    }
    if (args.size() < 4) {
      return usage(
          "scoring " + action + " KEY SETTINGS.json" + (action.equals("set") ? "" : "|delete"));
    }
    if (action.equals("set")) {
      String settings = Files.readString(Path.of(args.get(3)), StandardCharsets.UTF_8);
      return print(
          send(
              changedBy(request(SCORING + "/" + key))
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(settings, StandardCharsets.UTF_8))));
    }
    ObjectNode body = Json.mapper().createObjectNode().put("key", key);
    if (args.get(3).equals("delete")) {
      body.put("delete", true);
    } else {
      body.set("settings", Json.mapper().readTree(Files.readString(Path.of(args.get(3)))));
    }
    if (sample != null) {
      body.put("sample", Files.readString(Path.of(sample), StandardCharsets.UTF_8));
    }
    return print(
        send(
            request(SCORING + "/preview")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
  }

  /** Names who changes, when known: the system takes the signed-in caller when security is on. */
  private HttpRequest.Builder changedBy(HttpRequest.Builder request) {
    return by == null || by.isBlank() ? request : request.header(OperatorController.CHANGED_BY, by);
  }

  private HttpRequest.Builder request(String path) {
    var request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Prints the answer, the problems of a refusal one per line. */
  private int print(HttpResponse<String> response) {
    if (response.statusCode() / 100 == 2) {
      out.println(pretty(response.body()));
      return 0;
    }
    err.println("HTTP " + response.statusCode());
    try {
      JsonNode body = Json.mapper().readTree(response.body());
      if (body.has("problems")) {
        for (JsonNode p : body.get("problems")) {
          err.println(
              String.format(
                  Locale.ROOT,
                  "%s %s%s: %s",
                  p.path("id").asText(),
                  p.path("field").asText(),
                  p.hasNonNull("column") ? " (column " + p.get("column").asInt() + ")" : "",
                  p.path("message").asText()));
        }
      } else {
        err.println(body.path("message").asText(response.body()));
      }
    } catch (IOException e) {
      err.println(response.body());
    }
    return response.statusCode() >= 500 ? 2 : 1;
  }

  private static String pretty(String json) {
    try {
      return Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(Json.mapper().readTree(json));
    } catch (IOException e) {
      return json;
    }
  }

  private int usage(String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }
}
