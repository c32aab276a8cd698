package org.iprradar.benchmarks.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KafkaStreams;
import org.iprradar.alerts.app.AlertsService;
import org.iprradar.benchmarks.Options;
import org.iprradar.common.json.Json;
import org.iprradar.detect.app.DetectService;
import org.iprradar.standalone.Standalone;
import org.iprradar.web.security.ProductionGuard;

/**
 * Hostile bearer tokens against the embedded default with security on, as {@link FuzzRun} is for
 * bodies: garbage, tampered tokens (a character changed, a part dropped or swapped), unsigned ones
 * and ones signed with another secret, and tokens signed with the deployment's secret whose claims
 * have the wrong types or values (a number for a subject, a string for the issue time, roles that
 * are not a list of names). Checks that no answer is a 5xx, that every refusal is JSON {@code
 * {error, message}}, and that a token whose signature does not verify never gets a 2xx.
 */
public final class TokenFuzz {

  private static final ObjectMapper JSON = Json.mapper();
  private static final List<String> PATHS =
      List.of(
          "/api/v1/alerts?limit=1",
          "/api/v1/me",
          "/api/v1/admin/accounts",
          "/api/v1/reports/summary");
  private static final String SECRET = ProductionGuard.DEMO_SECRET;

  private final Random random;
  private final FuzzReport report = new FuzzReport();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  private final KafkaStreams alerts;
  private int storeRetries;

  private TokenFuzz(String base, long seed, KafkaStreams alerts) {
    this.base = base;
    this.random = new Random(seed);
    this.alerts = alerts;
  }

  /** {@code --cases=N --seed=N --data-dir=DIR}; exits 1 when a check failed. */
  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    System.exit(run(options).isEmpty() ? 0 : 1);
  }

  /**
   * Starts the embedded default in {@code data-dir} and sends {@code cases} requests; returns the
   * failures, empty when it passed.
   */
  static List<String> run(Map<String, String> options) throws Exception {
    int cases = Integer.parseInt(options.getOrDefault("cases", "500"));
    long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(System.nanoTime())));
    Map<String, Object> properties = new HashMap<>();
    properties.put("ipr.data-dir", options.getOrDefault("data-dir", "target/token-fuzz"));
    properties.put("micronaut.server.port", -1);
    log("seed " + seed + " (replay with the same seed), " + cases + " requests");
    try (var system = Standalone.start(properties)) {
      var alerts = system.context().getBean(AlertsService.class).streamsApp().streams();
      // The alert store answers 503 until its application is RUNNING: fuzzing earlier would
      // count start-up, not tokens.
      FuzzRun.awaitRunning(system.context().getBean(DetectService.class).streamsApp().streams());
      FuzzRun.awaitRunning(alerts);
      var fuzz = new TokenFuzz(system.url(), seed, alerts);
      fuzz.send(cases);
      log(fuzz.report + "; asked again after a 503 store_unavailable: " + fuzz.storeRetries);
      fuzz.report.failures().forEach(f -> log("FAILURE " + f));
      return fuzz.report.failures();
    }
  }

  private void send(int cases) throws Exception {
    String good = sign(claims("supervisor", List.of("SUPERVISOR")), SECRET);
    var sane = request("/api/v1/me", good);
    if (sane == null || sane.statusCode() != 200) {
      report.fail("a valid supervisor token was not accepted: the run proves nothing");
      return;
    }
    for (int i = 0; i < cases; i++) {
      String path = PATHS.get(random.nextInt(PATHS.size()));
      switch (random.nextInt(4)) {
        case 0 -> forged(path, garbage(), "garbage");
        case 1 -> {
          String tampered = tamper(good);
          if (!tampered.equals(good)) {
            forged(path, tampered, "tampered");
          }
        }
        case 2 -> forged(path, unverifiable(), "unverifiable");
        default -> {
          var token = sign(hostileClaims(), SECRET);
          check(path, token, "signed, hostile claims " + claimsOf(token));
        }
      }
    }
  }

  /** A token that must be refused: any 2xx is a failure. */
  private void forged(String path, String token, String what) throws Exception {
    var response = check(path, token, what);
    if (response != null && response.statusCode() < 300) {
      report.fail(what + " token " + abbreviate(token) + " was accepted on " + path);
    }
  }

  private HttpResponse<byte[]> check(String path, String token, String what) throws Exception {
    var response = request(path, token);
    if (storeUnavailable(response)) {
      // A rebalance may come at any moment and the store then answers 503 by design: wait for it
      // to end and ask again. A second 503 is a failure below.
      storeRetries++;
      FuzzRun.awaitRunning(alerts);
      response = request(path, token);
    }
    if (response == null) {
      report.fail(what + ": no answer on " + path);
      return null;
    }
    report.answered(response.statusCode());
    if (response.statusCode() >= 500) {
      report.fail(what + ": " + response.statusCode() + " on " + path + " " + body(response));
    } else if (response.statusCode() >= 400) {
      JsonNode answer;
      try {
        answer = JSON.readTree(response.body());
      } catch (IOException e) {
        answer = null;
      }
      if (answer == null
          || answer.path("error").asText().isEmpty()
          || answer.path("message").asText().isEmpty()) {
        report.fail(
            what
                + ": error "
                + response.statusCode()
                + " is not {error, message}: "
                + body(response));
      }
    }
    return response;
  }

  private static boolean storeUnavailable(HttpResponse<byte[]> response) {
    return response != null
        && response.statusCode() == 503
        && new String(response.body(), StandardCharsets.UTF_8).contains("\"store_unavailable\"");
  }

  private HttpResponse<byte[]> request(String path, String token) throws InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return null;
    }
  }

  /** Printable ASCII that is no token: what a header value may carry. */
  private String garbage() {
    var text = new StringBuilder();
    int length = random.nextInt(5) == 0 ? 4_000 + random.nextInt(4_000) : random.nextInt(80);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
    }
    return random.nextInt(4) == 0 ? text.toString().replace('x', '.') : text.toString();
  }

  /** The good token with a character changed, a part dropped, doubled or swapped. */
  private String tamper(String token) {
    String[] parts = token.split("\\.", -1);
    return switch (random.nextInt(4)) {
      case 0 -> {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        chars[at] = alphabet.charAt(random.nextInt(alphabet.length()));
        yield new String(chars);
      }
      case 1 -> parts[0] + "." + parts[1];
      case 2 -> parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2];
      default -> parts[0] + "." + parts[2] + "." + parts[1];
    };
  }

  /** Claims that would be a supervisor's, unsigned, signed with another secret, or alg none. */
  private String unverifiable() throws Exception {
    var claims =
        claims(pick(List.of("supervisor", "admin", "nobody")), List.of("ADMIN", "SUPERVISOR"));
    return switch (random.nextInt(3)) {
      case 0 -> sign(claims, "another-deployment-secret-of-at-least-32-characters");
      case 1 ->
          base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims.toString()) + ".";
      default -> {
        String signed = sign(claims, SECRET);
        // The signature of other claims: a valid signature, but not of these.
        String other = sign(claims("operator", List.of("OPERATOR")), SECRET);
        yield signed.substring(0, signed.lastIndexOf('.'))
            + other.substring(other.lastIndexOf('.'));
      }
    };
  }

  /** Correctly signed claims of the wrong types or values. */
  private JWTClaimsSet hostileClaims() {
    var builder = new JWTClaimsSet.Builder();
    Object subject =
        pick(
            List.of(
                "supervisor",
                "admin",
                "nobody",
                "",
                42,
                List.of("admin"),
                Map.of("name", "admin")));
    builder.claim("sub", subject);
    Object roles =
        pick(
            List.of(
                List.of("SUPERVISOR"),
                "ADMIN",
                7,
                List.of(1, 2),
                Map.of("role", "ADMIN"),
                List.of("NOT_A_ROLE"),
                List.of()));
    if (random.nextInt(5) != 0) {
      builder.claim("roles", roles);
    }
    long now = Instant.now().getEpochSecond();
    Object issued = pick(List.of(now - 1, 0L, now + 86_400, "yesterday", -5L, 1.5e12));
    if (random.nextInt(5) != 0) {
      builder.claim("iat", issued);
    }
    Object expires = pick(List.of(now + 600, now - 600, "never", 0L, Long.MAX_VALUE / 1000));
    if (random.nextInt(5) != 0) {
      builder.claim("exp", expires);
    }
    if (random.nextBoolean()) {
      builder.claim(
          pick(List.of("bureau", "district", "platforms")), pick(List.of(5, "", List.of(3))));
    }
    return builder.build();
  }

  private static JWTClaimsSet claims(String subject, List<String> roles) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .claim("roles", roles)
        .issueTime(Date.from(Instant.now()))
        .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
        .build();
  }

  private static String sign(JWTClaimsSet claims, String secret) throws JOSEException {
    var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String claimsOf(String token) {
    String payload = token.split("\\.")[1];
    return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String body(HttpResponse<byte[]> response) {
    return abbreviate(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private static void log(String message) {
    System.out.println("[token-fuzz " + Instant.now() + "] " + message);
  }
}
