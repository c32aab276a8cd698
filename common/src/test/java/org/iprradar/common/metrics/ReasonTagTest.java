package org.iprradar.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dead-letter reasons become tags without the values they quote, and stay few. */
class ReasonTagTest {

  @Test
  void keepsTheLeadingWordsAndDropsTheQuotedValues() {
    var tags = new ReasonTag();
    assertEquals(
        "unreadable seller record", tags.of("unreadable seller record: Unexpected character 'x'"));
    assertEquals(
        "key is not the record's platform",
        tags.of("key is not the record's platform:sellerId taobao:tb_42"));
    assertEquals("receivedat", tags.of("receivedAt 1969-12-31T00:00:00Z is before 1970"));
    assertEquals("webhook to", tags.of("webhook to MARKET_SUPERVISION failed after 5 attempts"));
    assertEquals("unknown", tags.of("{\"x\": 1}"));
    assertEquals("unknown", tags.of(null));
  }

  @Test
  void countsAnyReasonBeyondTheLimitAsOther() {
    var tags = new ReasonTag();
    for (int i = 0; i < ReasonTag.LIMIT; i++) {
      // Letters only, so each is a distinct tag.
      String word = "" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
      assertEquals("reason " + word, tags.of("reason " + word + ": x"));
    }
    assertEquals("other", tags.of("one more reason"));
    assertEquals("reason aa", tags.of("reason aa: seen before, still itself"));
  }
}
