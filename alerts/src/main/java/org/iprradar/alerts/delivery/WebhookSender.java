package org.iprradar.alerts.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.iprradar.common.model.DeliveryOutcome;
import org.iprradar.common.model.DeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one alert version to one bureau's endpoint, retrying connection errors, timeouts, 429 and
 * 5xx with {@link Backoff}. Other answers (4xx, 3xx) are final: the same request would be refused
 * again. Thread-confined to the delivery worker.
 */
public final class WebhookSender {

  public static final String TIMESTAMP = "X-IPR-Timestamp";
  public static final String SIGNATURE = "X-IPR-Signature";
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final HttpClient client;
  private final Duration requestTimeout;
  private final Backoff backoff;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public WebhookSender(
      HttpClient client,
      Duration requestTimeout,
      Backoff backoff,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.backoff = backoff;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** A client that gives up connecting after {@code connectTimeout} and never follows redirects. */
  public static HttpClient httpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * The key receivers drop repeats by: the alert id and a digest of the body. The same version
   * redelivered (a retry, or the worker replaying after a crash) has the same key; a new version
   * has a new one.
   */
  public static String idempotencyKey(String alertId, byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return alertId + ":" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  /**
   * Delivers {@code body} to {@code endpoint}, retrying until delivered, refused or out of
   * attempts.
   *
   * @param retrying told of each failed attempt that another attempt follows, before the wait, so
   *     that the wait is visible to analysts
   * @return the final outcome: delivered or failed
   * @throws InterruptedException when the worker is stopping; the caller must not commit
   */
  public DeliveryOutcome send(
      WebhookEndpoint endpoint, String alertId, byte[] body, Consumer<DeliveryOutcome> retrying)
      throws InterruptedException {
    String key = idempotencyKey(alertId, body);
    int status = 0;
    String detail = "not sent";
    for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
      boolean retryable;
      try {
        status = post(endpoint, key, body);
        if (status >= 200 && status < 300) {
          LOG.info(
              "Delivered alert {} to {} (attempt {}, HTTP {})",
              alertId,
              endpoint.bureauId(),
              attempt,
              status);
          return outcome(
              alertId, endpoint, key, DeliveryState.DELIVERED, attempt, status, null, null);
        }
        detail = "HTTP " + status;
        retryable = status == 429 || status >= 500;
      } catch (IOException e) {
        status = 0;
        detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        retryable = true;
      }
      LOG.warn(
          "Alert {} to {}: attempt {} of {} failed: {}",
          alertId,
          endpoint.bureauId(),
          attempt,
          backoff.maxAttempts(),
          detail);
      if (!retryable) {
        return outcome(
            alertId,
            endpoint,
            key,
            DeliveryState.FAILED,
            attempt,
            status,
            detail + " (not retried)",
            null);
      }
      if (attempt < backoff.maxAttempts()) {
        Duration wait = backoff.delay(attempt, random);
        retrying.accept(
            outcome(
                alertId,
                endpoint,
                key,
                DeliveryState.RETRYING,
                attempt,
                status,
                detail,
                clock.instant().plus(wait)));
        sleeper.sleep(wait);
      }
    }
    return outcome(
        alertId, endpoint, key, DeliveryState.FAILED, backoff.maxAttempts(), status, detail, null);
  }

  private int post(WebhookEndpoint endpoint, String key, byte[] body)
      throws IOException, InterruptedException {
    long timestamp = clock.instant().getEpochSecond();
    var request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(requestTimeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header(TIMESTAMP, Long.toString(timestamp))
            .header(SIGNATURE, WebhookSigner.sign(endpoint.secret(), timestamp, body))
            .header(IDEMPOTENCY_KEY, key)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private DeliveryOutcome outcome(
      String alertId,
      WebhookEndpoint endpoint,
      String key,
      DeliveryState state,
      int attempts,
      int status,
      String lastError,
      Instant nextRetryAt) {
    return new DeliveryOutcome(
        alertId,
        endpoint.bureauId(),
        key,
        state,
        attempts,
        status,
        lastError,
        nextRetryAt,
        clock.instant());
  }
}
