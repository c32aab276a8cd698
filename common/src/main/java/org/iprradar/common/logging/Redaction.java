package org.iprradar.common.logging;

import java.util.regex.Pattern;

/**
 * Masks what must never reach a log: mainland phone numbers, 18-digit resident ID numbers, partner
 * API keys and bearer tokens. A safety net under the code's own care, applied to every message the
 * logback configuration writes: a value a log statement echoes by mistake is masked all the same.
 */
public final class Redaction {

  /** 18-digit resident ID (the last may be X) or the old 15-digit one, not inside a longer run. */
  private static final Pattern ID_NUMBER =
      Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");

  /**
   * A mobile number, 1[3-9] and nine digits, optionally after +86 or 0086 and with the separators
   * people type (space, dash, dot).
   */
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![0-9])(?:(?:\\+|00)?86[ \\-.]?)?1[3-9][0-9](?:[ \\-.]?[0-9]){8}(?![0-9])");

  /** A partner API key, {@code ipr_<keyId>_<secret>}. */
  private static final Pattern API_KEY = Pattern.compile("ipr_[0-9A-Za-z]+_[0-9A-Za-z]+");

  /** A bearer or API-key credential as an Authorization header carries it. */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)\\b(Bearer|ApiKey|Basic)\\s+[A-Za-z0-9._~+/=\\-]{8,}");

  private Redaction() {}

  /** The text with every phone number, ID number, key and token replaced by a mask. */
  public static String mask(String text) {
    if (text == null || text.isEmpty() || !hasCandidate(text)) {
      return text;
    }
    String masked = API_KEY.matcher(text).replaceAll("ipr_***");
    masked = CREDENTIAL.matcher(masked).replaceAll("$1 ***");
    masked = ID_NUMBER.matcher(masked).replaceAll("[id-number]");
    return PHONE.matcher(masked).replaceAll("[phone]");
  }

  /**
   * Most messages hold no run of digits at all and no key: they skip the regular expressions, which
   * keeps the net cheap on the hot logging paths.
   */
  private static boolean hasCandidate(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++digits >= 11) {
          return true;
        }
      } else if (c != ' ' && c != '-' && c != '.' && c != '+') {
        digits = 0;
      }
    }
    return text.contains("ipr_") || text.contains("earer ") || text.contains("piKey ");
  }
}
