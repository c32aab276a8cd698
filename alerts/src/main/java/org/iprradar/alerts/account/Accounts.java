package org.iprradar.alerts.account;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.iprradar.alerts.app.RoutingService;
import org.iprradar.common.kafka.KafkaSecurity;
import org.iprradar.common.kafka.KafkaSettings;
import org.iprradar.common.model.Account;
import org.iprradar.common.model.InvalidFieldException;
import org.iprradar.web.security.AccountsFollower;
import org.iprradar.web.security.ProductionGuard;
import org.iprradar.web.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's accounts: sign-in checks, the administrators' changes, and the accounts a deployment
 * starts with. Created with the context, so that a production configuration with demo credentials
 * stops the start-up with a message naming the setting, before anyone can sign in.
 */
@Context
public final class Accounts implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
  private static final Pattern DISTRICT = Pattern.compile("\\d{6}");
  private static final Set<String> PEOPLE_ROLES =
      Set.of(Roles.ANALYST, Roles.SUPERVISOR, Roles.OPERATOR, Roles.ADMIN);
  static final String BOOTSTRAP = "bootstrap";

  /**
   * The subject of the token one alerts instance shows another. No account may take the name: the
   * peer's tokens are checked against the account of their subject (AccountTokenValidator).
   */
  public static final String PEER = "alerts-peer";

  private final AccountStore store;
  private final Passwords passwords;
  private final RoutingService routing;
  private final Clock clock = Clock.systemUTC();
  // Compared against when a name does not exist, so that a failed sign-in takes as long whether
  // or not the name exists, and the time does not tell.
  private final String decoyHash;

  Accounts(
      Environment environment,
      RoutingService routing,
      KafkaSecurity security,
      AccountsFollower follower,
      @Value("${kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${ipr.kafka.partitions:3}") int partitions,
      @Value("${ipr.kafka.replication-factor:1}") short replicationFactor,
      @Value("${ipr.security.demo-accounts:false}") boolean demoAccounts,
      @Value("${ipr.security.bcrypt-cost:10}") int bcryptCost,
      @Value("${ipr.security.admin-name:admin}") String adminName,
      @Value("${ipr.security.admin-password:}") String adminPassword) {
    boolean production = ProductionGuard.isProduction(environment);
    refuseDemoCredentials(production, demoAccounts, adminPassword);
    this.passwords = new Passwords(bcryptCost);
    this.routing = routing;
    this.decoyHash = passwords.hash("not-an-account-" + System.nanoTime());
    this.store =
        new AccountStore(
            new KafkaSettings(
                bootstrapServers, partitions, replicationFactor, security.clientOverrides()),
            follower);
    try {
      store.awaitReady(Duration.ofSeconds(60));
      if (demoAccounts) {
        createDemoAccounts();
      }
      if (adminPassword != null && !adminPassword.isBlank()) {
        createFirstAdmin(adminName.strip().toLowerCase(Locale.ROOT), adminPassword);
      } else if (production && store.isEmpty()) {
        throw new IllegalStateException(
            "production (IPR_PROFILE=production) has no account yet: set IPR_ADMIN_PASSWORD (and"
                + " optionally IPR_ADMIN_NAME) for the first administrator");
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Production refuses demo accounts and a demo password for its first administrator. */
  static void refuseDemoCredentials(
      boolean production, boolean demoAccounts, String adminPassword) {
    if (!production) {
      return;
    }
    if (demoAccounts) {
      throw new IllegalStateException(
          "production (IPR_PROFILE=production) refuses to start with the demo accounts, whose"
              + " passwords are public: set IPR_DEMO_ACCOUNTS=false");
    }
    if (adminPassword != null && DemoAccounts.isDemoPassword(adminPassword)) {
      throw new IllegalStateException(
          "production (IPR_PROFILE=production) refuses a demo password for the first"
              + " administrator: set IPR_ADMIN_PASSWORD to a password of your own");
    }
    if (adminPassword != null
        && !adminPassword.isBlank()
        && Passwords.problem(adminPassword) != null) {
      throw new IllegalStateException("IPR_ADMIN_PASSWORD " + Passwords.problem(adminPassword));
    }
  }

  private void createDemoAccounts() {
    int created = 0;
    for (var demo : DemoAccounts.ALL) {
      if (store.find(demo.name()).isEmpty()) {
        store.put(
            new Account(
                demo.name(),
                demo.displayName(),
                demo.roles(),
                demo.bureau(),
                demo.district(),
                passwords.hash(demo.password()),
                false,
                BOOTSTRAP,
                clock.instant()));
        created++;
      }
    }
    LOG.info(
        "Demo accounts: {} created, {} in all (README \"Sign in\" lists them)",
        created,
        DemoAccounts.ALL.size());
  }

  /** The administrator named by the environment, created once: later starts leave it alone. */
  private void createFirstAdmin(String name, String password) {
    if (store.find(name).isPresent()) {
      return;
    }
    store.put(
        new Account(
            name,
            "Administrator",
            Set.of(Roles.ADMIN),
            null,
            null,
            passwords.hash(password),
            false,
            BOOTSTRAP,
            clock.instant()));
    LOG.info("Created the first administrator account '{}'", name);
  }

  /**
   * The account these credentials sign in as; empty when the name is unknown, the password wrong or
   * the account disabled, without saying which.
   */
  public Optional<Account> signIn(String name, String password) {
    String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    Optional<Account> account = store.find(key);
    if (account.isEmpty()) {
      Passwords.matches(password, decoyHash);
      return Optional.empty();
    }
    if (!Passwords.matches(password, account.get().passwordHash()) || account.get().disabled()) {
      return Optional.empty();
    }
    return account;
  }

  /** Every account, by name, without password hashes. */
  public List<Account> list() {
    return store.all().stream()
        .sorted(Comparator.comparing(Account::name))
        .map(Account::withoutHash)
        .toList();
  }

  public Optional<Account> find(String name) {
    return store.find(name).map(Account::withoutHash);
  }

  /**
   * Creates an account.
   *
   * @throws InvalidFieldException naming the first field that is wrong
   * @throws AccountExistsException when the name is taken
   */
  public Account create(AccountRequest request, String by) {
    String name = request.name() == null ? "" : request.name().strip();
    if (!NAME.matcher(name).matches()) {
      throw new InvalidFieldException(
          "name",
          "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter, was '"
              + name
              + "'");
    }
    if (name.equals(PEER)) {
      throw new InvalidFieldException(
          "name", "'" + PEER + "' is the name the alerts instances use between themselves");
    }
    String problem = Passwords.problem(request.password());
    if (problem != null) {
      throw new InvalidFieldException("password", problem);
    }
    var roles = roles(request.roles());
    String bureau = bureau(roles, request.bureau());
    String district = district(roles, request.district());
    synchronized (this) {
      if (store.find(name).isPresent()) {
        throw new AccountExistsException(name);
      }
      var account =
          new Account(
              name,
              request.displayName(),
              roles,
              bureau,
              district,
              passwords.hash(request.password()),
              false,
              by,
              clock.instant());
      store.put(account);
      return account.withoutHash();
    }
  }

  /**
   * Changes an account's display name, roles and scope; the password and disabled flag stay.
   *
   * @throws UnknownAccountException when there is no such account
   */
  public Account update(String name, AccountRequest request, String by) {
    var roles = roles(request.roles());
    String bureau = bureau(roles, request.bureau());
    String district = district(roles, request.district());
    synchronized (this) {
      Account held = store.find(name).orElseThrow(() -> new UnknownAccountException(name));
      var account =
          new Account(
              name,
              request.displayName() == null ? held.displayName() : request.displayName(),
              roles,
              bureau,
              district,
              held.passwordHash(),
              held.disabled(),
              by,
              clock.instant());
      store.put(account);
      return account.withoutHash();
    }
  }

  /** Disables or enables sign-in for an account. */
  public Account setDisabled(String name, boolean disabled, String by) {
    synchronized (this) {
      Account held = store.find(name).orElseThrow(() -> new UnknownAccountException(name));
      var account =
          new Account(
              name,
              held.displayName(),
              held.roles(),
              held.bureau(),
              held.district(),
              held.passwordHash(),
              disabled,
              by,
              clock.instant());
      store.put(account);
      return account.withoutHash();
    }
  }

  /** Sets a new password, as an administrator does for someone who forgot theirs. */
  public Account resetPassword(String name, String password, String by) {
    String problem = Passwords.problem(password);
    if (problem != null) {
      throw new InvalidFieldException("password", problem);
    }
    synchronized (this) {
      Account held = store.find(name).orElseThrow(() -> new UnknownAccountException(name));
      var account =
          new Account(
              name,
              held.displayName(),
              held.roles(),
              held.bureau(),
              held.district(),
              passwords.hash(password),
              held.disabled(),
              by,
              clock.instant());
      store.put(account);
      return account.withoutHash();
    }
  }

  private static Set<String> roles(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw new InvalidFieldException("roles", "must name at least one of " + PEOPLE_ROLES);
    }
    var roles = new LinkedHashSet<String>();
    for (int i = 0; i < requested.size(); i++) {
      String role =
          requested.get(i) == null ? "" : requested.get(i).strip().toUpperCase(Locale.ROOT);
      if (role.equals(Roles.PARTNER)) {
        throw new InvalidFieldException(
            "roles[" + i + "]", "PARTNER is for partners' API keys, not people's accounts");
      }
      if (!PEOPLE_ROLES.contains(role)) {
        throw new InvalidFieldException(
            "roles[" + i + "]",
            "must be one of " + new ArrayList<>(PEOPLE_ROLES) + ", was '" + requested.get(i) + "'");
      }
      roles.add(role);
    }
    return roles;
  }

  private String bureau(Set<String> roles, String requested) {
    String bureau = requested == null || requested.isBlank() ? null : requested.strip();
    if (!roles.contains(Roles.ANALYST)) {
      if (bureau != null) {
        throw new InvalidFieldException("bureau", "is only for analysts, who work for one bureau");
      }
      return null;
    }
    if (bureau == null) {
      throw new InvalidFieldException("bureau", "is required for an analyst");
    }
    var table = routing.current().table();
    if (!table.hasBureau(bureau)) {
      throw new InvalidFieldException(
          "bureau",
          "'"
              + bureau
              + "' is not in the routing directory; one of "
              + table.bureaus().stream().map(b -> b.id()).toList());
    }
    return bureau;
  }

  private static String district(Set<String> roles, String requested) {
    String district = requested == null || requested.isBlank() ? null : requested.strip();
    if (district == null) {
      return null;
    }
    if (!roles.contains(Roles.ANALYST)) {
      throw new InvalidFieldException("district", "is only for analysts");
    }
    if (!DISTRICT.matcher(district).matches() || district.endsWith("00")) {
      throw new InvalidFieldException(
          "district",
          "must be a six-digit GB/T 2260 district code such as 320602 (not a city's or province's"
              + " code ending in 00), was '"
              + district
              + "'");
    }
    return district;
  }

  @PreDestroy
  @Override
  public void close() {
    store.close();
  }
}
