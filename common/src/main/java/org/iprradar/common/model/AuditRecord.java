package org.iprradar.common.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One write attempted through an HTTP API (POST, PUT, PATCH or DELETE), accepted or refused, as the
 * audit topic keeps it: who, when, what, with what outcome and from where. It never holds the
 * request's body (which may carry personal data such as phone or ID numbers) nor credentials
 * (Authorization, X-Api-Key): only the body's SHA-256, so that a body kept elsewhere can be proven
 * to be the one sent.
 *
 * @param id unique id of this record
 * @param at when the server answered
 * @param who the authenticated caller's name, or {@link #ANONYMOUS}
 * @param roles the caller's roles, empty when anonymous
 * @param bureau the bureau an analyst's scope is bound to, or null
 * @param district the district within that bureau, or null
 * @param platforms the platforms a partner may write for, empty for people
 * @param action the HTTP method and the route template, e.g. {@code POST
 *     /api/v1/alerts/{id}/actions}; the raw path when no route matched
 * @param target the route's path variables, e.g. {@code {"id":
 *     "taobao:tb_42:COUNTERFEIT_TRADEMARK"}}
 * @param outcome the HTTP status answered
 * @param remoteAddress the address of the connection's peer (a proxy when there is one)
 * @param forwardedFor the X-Forwarded-For header as the client sent it: claimed, not verified
 * @param userAgent the User-Agent header, or null
 * @param requestId the Idempotency-Key or X-Request-Id header, or null
 * @param records how many records a feed request carried, null for other requests
 * @param bodySha256 the lowercase hex SHA-256 of the body as received, or null (no body, or a
 *     sign-in, whose password could be guessed back from its digest)
 * @param bodyBytes the body's length as received
 */
public record AuditRecord(
    String id,
    Instant at,
    String who,
    List<String> roles,
    String bureau,
    String district,
    List<String> platforms,
    String action,
    Map<String, String> target,
    int outcome,
    String remoteAddress,
    String forwardedFor,
    String userAgent,
    String requestId,
    Integer records,
    String bodySha256,
    long bodyBytes) {

  /** The name recorded when no caller was authenticated. */
  public static final String ANONYMOUS = "anonymous";

  public AuditRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(action, "action");
    roles = roles == null ? List.of() : List.copyOf(roles);
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
    target = target == null ? Map.of() : Map.copyOf(target);
  }
}
