package org.iprradar.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksPhonesIdNumbersKeysAndTokensAsPeopleWriteThem() {
    for (String phone :
        List.of("13812345678", "+86 138 1234 5678", "0086-138-1234-5678", "138-1234-5678")) {
      String masked = Redaction.mask("seller phone " + phone + ", please call");
      assertEquals("seller phone [phone], please call", masked, phone);
    }
    assertEquals("id [id-number].", Redaction.mask("id 11010519491231002x."));
    assertEquals("id [id-number]", Redaction.mask("id 110105491231002"));
    String key = "ipr_0123456789abcdef_" + "ab".repeat(32);
    assertFalse(Redaction.mask("key=" + key).contains("abab"));
    assertEquals(
        "Authorization: Bearer ***", Redaction.mask("Authorization: Bearer eyJhbGciOi.J9.abc"));
  }

  @Test
  void leavesOffsetsTimestampsAndOrdinaryTextAlone() {
    for (String text :
        List.of(
            "offset 1700000000000 read",
            "Loaded 12 listings in 3 s",
            "price 13800 CNY",
            "listing taobao:t-1 version 1732900000",
            "")) {
      assertEquals(text, Redaction.mask(text));
    }
  }

  @Test
  void theJsonLinesAreMaskedToo() {
    var context =
        (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    var encoder = new MaskingJsonEncoder();
    encoder.setContext(context);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    var event =
        new ch.qos.logback.classic.spi.LoggingEvent(
            "x",
            context.getLogger("test"),
            ch.qos.logback.classic.Level.WARN,
            "seller {} id {}",
            null,
            new Object[] {"13812345678", "11010519491231002X"});
    String line = new String(encoder.encode(event), java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(line.contains("13812345678") || line.contains("11010519491231002X"), line);
    assertTrue(line.contains("[phone]"), line);
  }
}
