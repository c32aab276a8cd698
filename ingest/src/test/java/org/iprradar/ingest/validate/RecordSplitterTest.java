package org.iprradar.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.iprradar.common.json.Json;
import org.junit.jupiter.api.Test;

/**
 * NDJSON lines are parsed straight from their bytes when they are plain UTF-8, and from decoded
 * text otherwise: both ways must give the same records and the same errors.
 */
class RecordSplitterTest {

  private static List<RawRecord> ndjson(String body) throws BodyFormatException {
    return RecordSplitter.split(body.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void shouldReadEachLineWithItsLineNumberAndSkipBlankLines() throws Exception {
    var records = ndjson("{\"a\":\"标题 é\"}\r\n\n  \t\n {\"b\":[1,2.5,true,null]} \n");

    assertEquals(2, records.size());
    assertEquals("标题 é", records.get(0).json().get("a").asText());
    assertEquals(1, records.get(0).line());
    assertEquals(2.5, records.get(1).json().get("b").get(1).asDouble());
    assertEquals(4, records.get(1).line());
    assertEquals(1, records.get(1).index());
  }

  @Test
  void shouldNameTheColumnInCharactersOfAMalformedLine() throws Exception {
    // The 'x' is the thirteenth character but the twenty-first byte: the partner counts characters.
    var records = ndjson("{\"t\":\"中文标题\" x}");

    assertNull(records.get(0).json());
    assertEquals(
        "malformed JSON: at column 13: Unexpected character ('x' (code 120)): was expecting"
            + " comma to separate Object entries",
        records.get(0).parseError());
  }

  @Test
  void shouldNameTheOffsetOfBrokenUtf8AndKeepTheOtherLines() throws Exception {
    byte[] good = "{\"t\":\"ok\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xe4, (byte) 0xb8, '"', '}'};
    byte[] body = ByteBuffer.allocate(good.length + bad.length).put(good).put(bad).array();

    var records = RecordSplitter.split(body, true);

    assertEquals("ok", records.get(0).json().get("t").asText());
    assertEquals("invalid UTF-8 at byte offset 6 of the line", records.get(1).parseError());
  }

  /** The byte check must agree with Java's strict decoder, or a line would be read two ways. */
  @Test
  void shouldJudgeUtf8AsStrictlyAsTheJdkDecoder() {
    var random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    int[] interesting = {
      0x00, 0x09, 0x0d, 0x1f, 0x20, 0x7b, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1,
      0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff
    };
    for (int round = 0; round < 200_000; round++) {
      byte[] bytes = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] =
            (byte)
                (random.nextBoolean()
                    ? interesting[random.nextInt(interesting.length)]
                    : random.nextInt(256));
      }
      boolean jdk = decodes(bytes) && noControl(bytes);
      assertEquals(
          jdk,
          RecordSplitter.isPlainUtf8(bytes, 0, bytes.length),
          () -> "seed " + seed + ": " + java.util.HexFormat.of().formatHex(bytes));
    }
  }

  /** Lines that parse from bytes give the tree their decoded text gives. */
  @Test
  void shouldParseBytesToTheTreeOfTheirText() throws Exception {
    var random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    String[] pieces = {
      "a", "é", "e\u0301", "标", "\uD83D\uDE00", "\\\"", "\\u00e9", " ", "\\t", "\\n"
    };
    for (int round = 0; round < 2_000; round++) {
      var text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String line = " {\"t\":\"" + text + "\",\t\"n\":" + random.nextInt() + ".5}\r";
      var records = ndjson(line);
      assertEquals(Json.mapper().readTree(line.strip()), records.get(0).json(), "seed " + seed);
    }
  }

  /**
   * A body read in one pass gives the records, lines and errors that reading it line by line gives,
   * whatever its lines: good ones, blank ones, broken ones, two objects on a line, an object over
   * two lines, CR LF endings, arrays, bare values, broken UTF-8.
   */
  @Test
  void shouldReadABodyInOnePassAsLineByLine() throws Exception {
    var random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    String[] lines = {
      "{\"platform\":\"taobao\",\"listingId\":\"1\",\"title\":\"耐克 高仿\",\"price\":9.9}",
      "  {\"a\":[1,{\"b\":null}],\"c\":\"\\u00e9\\n\"}\t",
      "",
      "   ",
      "{\"a\":1} {\"b\":2}",
      "{\"a\":",
      "1}",
      "{\"a\":1}\r",
      "[{\"a\":1}]",
      "42",
      "{\"t\":\"x\" y}",
      "{\"a\":1}}",
      "\uFEFF{\"a\":1}",
    };
    for (int round = 0; round < 3_000; round++) {
      var body = new java.io.ByteArrayOutputStream();
      for (int i = random.nextInt(8); i > 0; i--) {
        // Most rounds hold good lines only, the common body that takes the one pass.
        String line = lines[random.nextInt(round % 3 == 0 ? lines.length : 4)];
        body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        if (round % 7 == 0 && random.nextInt(5) == 0) {
          body.write(0xC3); // a lone lead byte: broken UTF-8
        }
        if (random.nextInt(10) > 0) {
          body.write('\n');
        }
      }
      byte[] bytes = body.toByteArray();
      List<RawRecord> expected = RecordSplitter.lineByLine(bytes);
      if (expected.isEmpty()) {
        continue;
      }
      assertEquals(
          expected,
          RecordSplitter.split(bytes, true),
          "seed " + seed + ", body " + new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static boolean decodes(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static boolean noControl(byte[] bytes) {
    for (byte b : bytes) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
