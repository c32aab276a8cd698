package org.iprradar.alerts.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountsTest {

  @Test
  void productionRefusesDemoAccountsAndADemoAdminPasswordNamingTheSetting() {
    var demo =
        assertThrows(
            IllegalStateException.class,
            () -> Accounts.refuseDemoCredentials(true, true, "a-real-password-1"));
    assertTrue(demo.getMessage().contains("IPR_DEMO_ACCOUNTS=false"), demo.getMessage());
    var demoAdmin =
        assertThrows(
            IllegalStateException.class,
            () -> Accounts.refuseDemoCredentials(true, false, "admin-demo"));
    assertTrue(demoAdmin.getMessage().contains("IPR_ADMIN_PASSWORD"), demoAdmin.getMessage());
    assertThrows(
        IllegalStateException.class, () -> Accounts.refuseDemoCredentials(true, false, "short"));
    assertDoesNotThrow(() -> Accounts.refuseDemoCredentials(true, false, "a-real-password-1"));
    assertDoesNotThrow(() -> Accounts.refuseDemoCredentials(false, true, "admin-demo"));
  }

  @Test
  void passwordsAreBcryptHashesThatOnlyTheRightPasswordMatches() {
    var passwords = new Passwords(Passwords.MIN_COST);
    String hash = passwords.hash("correct horse battery");
    assertTrue(hash.startsWith("$2y$10$"), hash);
    assertFalse(hash.contains("correct"));
    assertTrue(Passwords.matches("correct horse battery", hash));
    assertFalse(Passwords.matches("correct horse batterY", hash));
    assertFalse(Passwords.matches("correct horse battery", "not a hash"));
    assertFalse(passwords.hash("same").equals(passwords.hash("same")), "salted");
  }

  @Test
  void weakCostsAndPasswordsAreRefusedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> new Passwords(9));
    assertNotNull(Passwords.problem("short"));
    assertNotNull(Passwords.problem("x".repeat(73)));
    assertNull(Passwords.problem("twelve chars"));
  }
}
