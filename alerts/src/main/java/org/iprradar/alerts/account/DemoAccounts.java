package org.iprradar.alerts.account;

import java.util.List;
import java.util.Set;
import org.iprradar.web.security.Roles;

/**
 * The embedded default's demo accounts, one per role, as README "Sign in" lists them. Their
 * passwords are public, which is why a production deployment refuses to start with them.
 */
public final class DemoAccounts {

  /**
   * One demo account.
   *
   * @param password public on purpose: it is in the README
   */
  public record Demo(
      String name,
      String displayName,
      Set<String> roles,
      String bureau,
      String district,
      String password) {}

  /** Most demo alerts are counterfeit trademarks, which the market supervision bureau gets. */
  public static final List<Demo> ALL =
      List.of(
          new Demo(
              "analyst",
              "Demo analyst (market supervision)",
              Set.of(Roles.ANALYST),
              "MARKET_SUPERVISION",
              null,
              "analyst-demo"),
          new Demo(
              "district.analyst",
              "Demo analyst (market supervision, Chongchuan district)",
              Set.of(Roles.ANALYST),
              "MARKET_SUPERVISION",
              "320602",
              "district-demo"),
          new Demo(
              "police.analyst",
              "Demo analyst (public security)",
              Set.of(Roles.ANALYST),
              "PUBLIC_SECURITY",
              null,
              "police-demo"),
          new Demo(
              "supervisor",
              "Demo supervisor",
              Set.of(Roles.SUPERVISOR),
              null,
              null,
              "supervisor-demo"),
          new Demo(
              "operator", "Demo operator", Set.of(Roles.OPERATOR), null, null, "operator-demo"),
          new Demo("admin", "Demo administrator", Set.of(Roles.ADMIN), null, null, "admin-demo"));

  private DemoAccounts() {}

  /** Whether this is one of the demo passwords, which production refuses for its first admin. */
  public static boolean isDemoPassword(String password) {
    return ALL.stream().anyMatch(d -> d.password().equals(password));
  }
}
