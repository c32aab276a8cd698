package org.iprradar.web.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.iprradar.common.json.Json;
import org.iprradar.common.model.AuditRecord;
import org.iprradar.web.security.Caller;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every write (POST, PUT, PATCH, DELETE) in the audit, refused ones too: an attempt without
 * the right credentials matters as much as a success. It runs before the security filter, so it
 * also sees the 401 and 403 that filter answers, and the answer leaves only once the audit record
 * is acknowledged.
 *
 * <p>When the audit cannot be written the answer is still the write's own: the write has happened
 * (or been refused) by then, and an error status would make the client repeat a write that
 * succeeded. The record goes to the log instead, at ERROR under {@code org.iprradar.audit} (it
 * holds no body and no credential, so it may), and {@code ipr.audit.failed} counts it.
 */
@ServerFilter(
    value = ServerFilter.MATCH_ALL_PATTERN,
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
@Requires(beans = AuditLog.class)
final class AuditFilter implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger("org.iprradar.audit");
  private static final String BODY = "ipr.audit.seen";
  private static final int MAX_HEADER = 300;

  /** Paths whose body is a password: not even its digest is kept, since a guess could match it. */
  private static final List<String> SECRET_BODIES = List.of("/login", "/oauth/access_token");

  private final AuditLog log;
  private final Counter failed;
  private final Counter written;
  private final Clock clock = Clock.systemUTC();

  AuditFilter(AuditLog log, MeterRegistry meters) {
    this.log = log;
    this.failed =
        Counter.builder("ipr.audit.failed")
            .description("Writes whose audit record Kafka did not acknowledge (logged instead)")
            .register(meters);
    this.written =
        Counter.builder("ipr.audit.written")
            .description("Audit records acknowledged by Kafka")
            .register(meters);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  /**
   * What the request was, kept until the response is known: the route is read before the controller
   * runs, because an error handler that answers replaces the request's route match.
   */
  private record Seen(String action, Map<String, String> target, String sha256, long bytes) {}

  @RequestFilter
  public void before(HttpRequest<?> request, @Nullable @Body byte[] body) {
    String action = request.getMethodName() + " " + request.getPath();
    Map<String, String> target = Map.of();
    var route = RouteAttributes.getRouteMatch(request);
    if (route.isPresent() && route.get() instanceof UriRouteMatch<?, ?> match) {
      action =
          request.getMethodName() + " " + match.getRouteInfo().getUriMatchTemplate().toString();
      var values = new TreeMap<String, String>();
      match.getVariableValues().forEach((k, v) -> values.put(k, clip(String.valueOf(v))));
      target = values;
    }
    long bytes = body == null ? 0 : body.length;
    String digest = bytes == 0 || secret(request.getPath()) ? null : sha256(body);
    request.setAttribute(BODY, new Seen(clip(action), target, digest, bytes));
  }

  @ResponseFilter
  public Publisher<MutableHttpResponse<?>> after(
      HttpRequest<?> request, MutableHttpResponse<?> response) {
    AuditRecord record = recordOf(request, response);
    CompletableFuture<MutableHttpResponse<?>> answered =
        log.write(record)
            .handle(
                (ok, error) -> {
                  if (error == null) {
                    written.increment();
                  } else {
                    failed.increment();
                    LOG.error(
                        "AUDIT RECORD NOT STORED, kept here instead: {} ({})",
                        json(record),
                        error.toString());
                  }
                  return response;
                });
    return Publishers.fromCompletableFuture(answered);
  }

  private AuditRecord recordOf(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Optional<Caller> caller = request.getUserPrincipal(Authentication.class).map(Caller::of);
    Seen seen =
        request
            .getAttribute(BODY, Seen.class)
            .orElseGet(
                () ->
                    new Seen(
                        clip(request.getMethodName() + " " + request.getPath()),
                        Map.of(),
                        null,
                        0));
    Integer records =
        response.getBody().orElse(null) instanceof RecordCount count ? count.recordCount() : null;
    return new AuditRecord(
        UUID.randomUUID().toString(),
        clock.instant(),
        caller.map(Caller::name).orElse(AuditRecord.ANONYMOUS),
        caller.map(c -> List.copyOf(new java.util.TreeSet<>(c.roles()))).orElse(List.of()),
        caller.flatMap(Caller::bureau).orElse(null),
        caller.flatMap(Caller::district).orElse(null),
        caller.map(c -> List.copyOf(new java.util.TreeSet<>(c.platforms()))).orElse(List.of()),
        seen.action(),
        seen.target(),
        response.code(),
        remote(request.getRemoteAddress()),
        header(request, "X-Forwarded-For"),
        header(request, "User-Agent"),
        Optional.ofNullable(header(request, "Idempotency-Key"))
            .orElse(header(request, "X-Request-Id")),
        records,
        seen.sha256(),
        seen.bytes());
  }

  private static boolean secret(String path) {
    return SECRET_BODIES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  private static String remote(InetSocketAddress address) {
    if (address == null) {
      return null;
    }
    return address.getAddress() == null
        ? address.getHostString()
        : address.getAddress().getHostAddress();
  }

  private static String header(HttpRequest<?> request, String name) {
    String value = request.getHeaders().get(name);
    return value == null ? null : clip(value);
  }

  /** Headers and paths are the client's to choose: a record stays small whatever they send. */
  private static String clip(String value) {
    return value.length() <= MAX_HEADER ? value : value.substring(0, MAX_HEADER) + "…";
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String json(AuditRecord record) {
    try {
      return Json.mapper().writeValueAsString(record);
    } catch (Exception e) {
      return record.toString();
    }
  }
}
