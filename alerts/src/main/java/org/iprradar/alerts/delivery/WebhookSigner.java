package org.iprradar.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies: {@code sha256=} and the hex HMAC-SHA256 of {@code timestamp + "." + body}.
 * The timestamp is signed too so that a receiver can refuse old, replayed requests.
 */
public final class WebhookSigner {

  public static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSigner() {}

  /** The {@code X-IPR-Signature} value of {@code body} sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // Every JRE must provide HmacSHA256, so this is a broken runtime, not bad input.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
