package org.iprradar.alerts.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * People's passwords as bcrypt hashes (BouncyCastle's OpenBSD bcrypt, {@code $2y$}): adaptive, so
 * the cost grows with hardware, and salted per password. Nothing here is home-made cryptography.
 */
public final class Passwords {

  /** bcrypt below this many doubling rounds is too cheap to guess against. */
  public static final int MIN_COST = 10;

  /** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
  public static final int MAX_BYTES = 72;

  /** What a new password must be at least, in characters. */
  public static final int MIN_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int cost;

  public Passwords(int cost) {
    if (cost < MIN_COST || cost > 31) {
      throw new IllegalArgumentException(
          "ipr.security.bcrypt-cost (IPR_BCRYPT_COST) must be within "
              + MIN_COST
              + "..31, was "
              + cost);
    }
    this.cost = cost;
  }

  /** The hash to store for this password. */
  public String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, cost);
  }

  /** Whether the password is the one the hash was made of; false for a missing or broken hash. */
  public static boolean matches(String password, String hash) {
    if (password == null || hash == null || hash.isBlank() || tooLong(password)) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Why a new password is not acceptable, or null when it is. */
  public static String problem(String password) {
    if (password == null || password.isEmpty()) {
      return "is required";
    }
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (tooLong(password)) {
      return "must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no further)";
    }
    return null;
  }

  private static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }
}
