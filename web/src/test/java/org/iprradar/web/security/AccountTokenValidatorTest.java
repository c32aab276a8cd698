package org.iprradar.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.iprradar.common.model.Account;
import org.junit.jupiter.api.Test;

class AccountTokenValidatorTest {

  private static final Instant CHANGED = Instant.parse("2026-11-30T08:00:00.400Z");

  private static Account account(boolean disabled) {
    return new Account(
        "li.wei", "李伟", Set.of("ANALYST"), "COPYRIGHT", null, null, disabled, "admin", CHANGED);
  }

  @Test
  void aTokenIssuedBeforeTheAccountChangedIsRefused() {
    assertFalse(AccountTokenValidator.stillValid(account(false), CHANGED.minusSeconds(60)));
    assertTrue(AccountTokenValidator.stillValid(account(false), CHANGED.plusSeconds(1)));
  }

  @Test
  void aTokenOfTheSameSecondPassesSinceTokensCountWholeSeconds() {
    assertTrue(
        AccountTokenValidator.stillValid(account(false), Instant.parse("2026-11-30T08:00:00Z")));
  }

  @Test
  void aDisabledAccountsTokensAreRefusedWhenEverIssued() {
    assertFalse(AccountTokenValidator.stillValid(account(true), CHANGED.plusSeconds(3600)));
  }

  @Test
  void aTokenWithoutAnIssueTimeCannotBePlacedAfterTheChange() {
    assertFalse(AccountTokenValidator.stillValid(account(false), null));
  }
}
