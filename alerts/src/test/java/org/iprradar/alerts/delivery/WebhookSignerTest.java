package org.iprradar.alerts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  private static final byte[] BODY = "{\"id\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldSignTimestampDotBodyWithHmacSha256AsPrefixedLowercaseHex() throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal("1700000000.{\"id\":\"a1\"}".getBytes(StandardCharsets.UTF_8)));

    String signature = WebhookSigner.sign("s3cret", 1_700_000_000L, BODY);

    assertEquals("sha256=" + expected, signature);
    assertTrue(signature.matches("sha256=[0-9a-f]{64}"), signature);
  }

  @Test
  void shouldMatchAVectorComputedWithOpenssl() {
    // printf '0.x' | openssl dgst -sha256 -hmac key
    assertEquals(
        "sha256=01648d624c0b511b0449a63394418e2d5b018e4cc2f753e42127d445f3ca5dd0",
        WebhookSigner.sign("key", 0, "x".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldChangeWhenTheTimestampOrSecretChanges() {
    String base = WebhookSigner.sign("s3cret", 1, BODY);
    assertNotEquals(base, WebhookSigner.sign("s3cret", 2, BODY));
    assertNotEquals(base, WebhookSigner.sign("other", 1, BODY));
  }
}
