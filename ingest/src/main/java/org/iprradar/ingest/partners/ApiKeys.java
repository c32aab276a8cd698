package org.iprradar.ingest.partners;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Partner API keys: {@code ipr_<keyId>_<secret>}, a 64-bit public key id that finds the partner and
 * a 256-bit random secret. Only the SHA-256 of the whole key is stored.
 */
public final class ApiKeys {

  private static final Pattern FORMAT = Pattern.compile("ipr_([0-9a-z]{1,32})_([0-9a-f]{64})");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private ApiKeys() {}

  /** A key as issued: the key is shown to the administrator once and then only its hash is kept. */
  public record Issued(String keyId, String key, String sha256) {}

  public static Issued issue() {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    return of(HEX.formatHex(id), HEX.formatHex(secret));
  }

  /** A key made of given parts, for the documented demo key. */
  static Issued of(String keyId, String secretHex) {
    String key = "ipr_" + keyId + "_" + secretHex;
    if (!FORMAT.matcher(key).matches()) {
      throw new IllegalArgumentException("not a key id and a 64-hex-digit secret");
    }
    return new Issued(keyId, key, sha256(key));
  }

  /** The key id of a presented key, or null when it is not shaped like a key. */
  public static String keyIdOf(String presented) {
    if (presented == null) {
      return null;
    }
    var m = FORMAT.matcher(presented);
    return m.matches() ? m.group(1) : null;
  }

  public static String sha256(String key) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Compares two hex hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
