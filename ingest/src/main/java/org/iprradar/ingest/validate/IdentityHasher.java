package org.iprradar.ingest.validate;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a seller's raw identity details into the keyed hashes detect links sellers on: {@code
 * kind:} + HMAC-SHA256(identity key, normalised value) in hex. Keyed, so that a stolen topic cannot
 * be reversed by hashing every phone number (there are only about 10^10 of them); normalised, so
 * that the same phone written {@code +86 138-0013-8000} by one platform and {@code 13800138000} by
 * another links the two sellers.
 *
 * <p>Every deployment's instances share one key ({@code IPR_IDENTITY_KEY}); hashes made with
 * another key never match.
 */
public final class IdentityHasher {

  /** The embedded default's key; refused in production. */
  public static final String DEMO_KEY = "ipr-radar-demo-identity-key-not-for-production-use";

  /** The raw fields a seller record may carry, and the kind each one's hash is stored under. */
  public enum Kind {
    PHONE("phone", "phone"),
    ID_NUMBER("idNumber", "id"),
    ADDRESS("address", "address"),
    PAYMENT_ACCOUNT("paymentAccount", "payment");

    final String field;
    final String prefix;

    Kind(String field, String prefix) {
      this.field = field;
      this.prefix = prefix;
    }
  }

  private final SecretKeySpec key;

  /**
   * @param key the shared identity key; null or blank when none is configured
   */
  public IdentityHasher(String key) {
    this.key =
        key == null || key.isBlank()
            ? null
            : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public boolean configured() {
    return key != null;
  }

  /**
   * The value as hashed, or null when it is not one of its kind. Phones keep digits only, without
   * the +86 / 0086 country code; ID numbers lose spaces and take an upper-case X; addresses and
   * payment accounts are NFKC (full-width digits become ASCII), without spaces, lower case.
   */
  public static String normalise(Kind kind, String raw) {
    String value = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    return switch (kind) {
      case PHONE -> {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.startsWith("0086")) {
          digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
          digits = digits.substring(2);
        }
        yield digits.length() >= 5 && digits.length() <= 15 ? digits : null;
      }
      case ID_NUMBER -> {
        String id = value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        yield id.matches("[0-9]{17}[0-9X]|[0-9]{15}") ? id : null;
      }
      case ADDRESS, PAYMENT_ACCOUNT -> {
        String text = value.replaceAll("[\\s\\-]", "").toLowerCase(Locale.ROOT);
        yield text.isEmpty() ? null : text;
      }
    };
  }

  /** {@code kind:} + the keyed hash of an already normalised value. */
  public String hash(Kind kind, String normalised) {
    if (key == null) {
      throw new IllegalStateException("no identity key is configured (IPR_IDENTITY_KEY)");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return kind.prefix
          + ":"
          + HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
