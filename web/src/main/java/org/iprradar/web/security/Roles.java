package org.iprradar.web.security;

import java.util.List;

/**
 * The roles a caller can hold. They are strings because {@code @Secured} and the tokens carry
 * strings; every controller names its roles through these constants, so a typo fails to compile.
 */
public final class Roles {

  /** Triages the alerts routed to one bureau, and optionally one district of it. */
  public static final String ANALYST = "ANALYST";

  /** Reads every bureau's alerts, reassigns them and reads the audit. */
  public static final String SUPERVISOR = "SUPERVISOR";

  /** Tunes rules, brands, routing and thresholds. */
  public static final String OPERATOR = "OPERATOR";

  /** Manages people's accounts and platform partners. */
  public static final String ADMIN = "ADMIN";

  /** A platform partner's program, authenticated by an API key, writing its own platform's data. */
  public static final String PARTNER = "PARTNER";

  /**
   * The Prometheus scraper, authenticated by the deployment's scrape token: {@code /prometheus} and
   * nothing else.
   */
  public static final String METRICS = "METRICS";

  public static final List<String> ALL =
      List.of(ANALYST, SUPERVISOR, OPERATOR, ADMIN, PARTNER, METRICS);

  private Roles() {}
}
