package org.iprradar.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cheap checks that stand in for the JDK's NFC check and for regular expressions. */
class FieldsTest {

  @Test
  void shouldTakeTextAsNfcOnlyWhenTheJdkAgrees() {
    var random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    // Around the edges of the plain ranges: combining marks, compatibility ideographs, Hangul.
    int[][] ranges = {
      {0x20, 0x2ff},
      {0x300, 0x36f},
      {0x3000, 0x30ff},
      {0x4e00, 0x9fff},
      {0xac00, 0xac10},
      {0x1100, 0x1112},
      {0xf900, 0xfa2d},
      {0x0958, 0x095f}
    };
    for (int round = 0; round < 100_000; round++) {
      var s = new StringBuilder();
      for (int i = random.nextInt(5); i >= 0; i--) {
        int[] range = ranges[random.nextInt(ranges.length)];
        s.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
      }
      String text = s.toString();
      if (Fields.isPlainlyNfc(text)) {
        assertTrue(
            Normalizer.isNormalized(text, Normalizer.Form.NFC),
            () ->
                "seed " + seed + ": " + text.codePoints().mapToObj(Integer::toHexString).toList());
      }
    }
  }

  @Test
  void shouldAcceptOnlyIdentifierCharacters() {
    assertTrue(Fields.isIdentifier("tb_1.a:b-C9"));
    assertFalse(Fields.isIdentifier(""));
    assertFalse(Fields.isIdentifier("a b"));
    assertFalse(Fields.isIdentifier("店铺"));
    assertFalse(Fields.isIdentifier("a/b"));
    assertEquals(true, ListingValidator.isRegionCode("320602"));
    assertFalse(ListingValidator.isRegionCode("32060"));
    assertFalse(ListingValidator.isRegionCode("３２０６０２"), "full-width digits are not a code");
  }
}
