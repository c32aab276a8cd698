package org.iprradar.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.iprradar.common.model.Account;
import org.iprradar.ingest.partners.DemoPartner;
import org.iprradar.web.security.AccountDirectory;
import org.iprradar.web.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ingest deployed apart from alerts honours what administrators do to accounts: a token of a
 * disabled or changed account is refused here too, not only where people sign in.
 */
class RevokedTokensTest {

  private static final String RULE =
      "{\"query\":\"高仿\",\"infringementType\":\"COUNTERFEIT_TRADEMARK\",\"weight\":40}";

  private final Directory accounts = new Directory();
  private IngestServer server;

  @BeforeEach
  void start() {
    server = new IngestServer(Map.of("ipr.security.demo-partner.enabled", true), accounts);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anOperatorsTokenStopsWorkingWhenTheAccountIsDisabled() throws Exception {
    accounts.put(operator(false, Instant.now().minusSeconds(3600)));
    var token = bearer(server.token("op.zhang", Roles.OPERATOR));

    assertEquals(202, putRule("r1", token).statusCode());

    accounts.put(operator(true, Instant.now()));
    var refused = putRule("r2", token);
    assertEquals(401, refused.statusCode(), refused.body());
    assertEquals(1, server.sent("rules").size(), "nothing written for the refused request");
  }

  @Test
  void aTokenIssuedBeforeAnAdministratorChangedTheAccountIsRefused() throws Exception {
    accounts.put(operator(false, Instant.now().minusSeconds(3600)));
    var old = bearer(server.token("op.zhang", Roles.OPERATOR));
    accounts.put(operator(false, Instant.now().plusSeconds(5)));

    assertEquals(401, putRule("r1", old).statusCode());
  }

  @Test
  void untilTheAccountsAreReadPeoplesTokensAreRefusedAndPartnerKeysStillWork() throws Exception {
    accounts.ready = false;
    var token = bearer(server.token("op.zhang", Roles.OPERATOR));

    assertEquals(401, putRule("r1", token).statusCode());
    var listing =
        "{\"platform\":\"taobao\",\"listingId\":\"l-1\",\"sellerId\":\"s-1\","
            + "\"title\":\"LV 老花 手袋\",\"price\":199}";
    var partner = server.send("POST", "/api/v1/listings", listing, "X-Api-Key", DemoPartner.KEY);
    assertEquals(202, partner.statusCode(), partner.body());
  }

  private java.net.http.HttpResponse<String> putRule(String id, Map<String, String> credentials)
      throws Exception {
    return server.send(
        "PUT",
        "/api/v1/rules/" + id,
        "application/json",
        RULE.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        false,
        credentials);
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  private static Account operator(boolean disabled, Instant changedAt) {
    return new Account(
        "op.zhang", "张工", Set.of(Roles.OPERATOR), null, null, null, disabled, "admin", changedAt);
  }

  /** The accounts as the follower would hold them, set by the test. */
  private static final class Directory implements AccountDirectory {
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private volatile boolean ready = true;

    void put(Account account) {
      accounts.put(account.name(), account);
    }

    @Override
    public boolean ready() {
      return ready;
    }

    @Override
    public Optional<Account> find(String name) {
      return Optional.ofNullable(accounts.get(name));
    }
  }
}
