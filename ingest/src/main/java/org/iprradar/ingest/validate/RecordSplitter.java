package org.iprradar.ingest.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iprradar.common.json.Json;

/**
 * Splits a request body into records: one JSON object, a JSON array of objects, or NDJSON (one
 * object per line). A broken NDJSON line is a rejected record of its own; the other lines go on.
 */
public final class RecordSplitter {

  private static final ObjectReader TREES = Json.mapper().readerFor(JsonNode.class);

  private RecordSplitter() {}

  /**
   * @param ndjson true when the client declared NDJSON; a JSON body that is not one value but has
   *     several lines is read as NDJSON too
   * @throws BodyFormatException when the body is empty, not UTF-8, or malformed JSON that has no
   *     lines to recover
   */
  public static List<RawRecord> split(byte[] body, boolean ndjson) throws BodyFormatException {
    if (ndjson) {
      // Line by line at once: each line is decoded on its own, so a broken line is one rejection.
      var records = fromLines(body);
      if (records.isEmpty()) {
        throw new BodyFormatException(
            "the request body is empty: send a record, an array or NDJSON");
      }
      return records;
    }
    String text;
    try {
      text = decode(body, 0, body.length);
    } catch (CharacterCodingException e) {
      if (!hasSeveralLines(body)) {
        throw new BodyFormatException(
            "the request body is not valid UTF-8: " + e.getMessage().replace(" of the line", ""));
      }
      // Reject only the lines with broken bytes; the others go on.
      return fromLines(body);
    }
    if (text.isBlank()) {
      throw new BodyFormatException("the request body is empty: send a record, an array or NDJSON");
    }
    try {
      return fromJson(Json.mapper().readTree(text));
    } catch (JsonProcessingException e) {
      if (text.strip().startsWith("[") || text.strip().lines().count() < 2) {
        throw new BodyFormatException(
            "malformed JSON: " + location(e, true) + e.getOriginalMessage());
      }
      // Several lines that are not one JSON value: read them as NDJSON so good lines are kept.
    }
    return fromLines(body);
  }

  private static boolean hasSeveralLines(byte[] body) {
    for (int i = 0; i < body.length - 1; i++) {
      if (body[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private static List<RawRecord> fromJson(JsonNode root) throws BodyFormatException {
    var records = new ArrayList<RawRecord>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        records.add(new RawRecord(i, 0, root.get(i), null));
      }
      if (records.isEmpty()) {
        throw new BodyFormatException("the JSON array is empty: there is nothing to ingest");
      }
    } else {
      records.add(new RawRecord(0, 0, root, null));
    }
    return records;
  }

  private static List<RawRecord> fromLines(byte[] body) {
    List<RawRecord> records = inOnePass(body);
    return records != null ? records : lineByLine(body);
  }

  /**
   * The common body, every line plain UTF-8 holding one JSON object, read with one parser: a
   * parser, its buffers and a deserialization context per line cost as much again as the parsing
   * ({@code NdjsonParseBenchmark}). Null for any other body, which {@link #lineByLine} reads so
   * that each broken line is named on its own; the two agree on every body this one takes ({@code
   * RecordSplitterTest}).
   */
  private static List<RawRecord> inOnePass(byte[] body) {
    int lines = 0;
    int start = 0;
    while (start < body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      int first = start;
      // Tab and space only: a line with a CR is left to the line-by-line reading.
      while (first < end && (body[first] == ' ' || body[first] == '\t')) {
        first++;
      }
      if (first < end) {
        if (body[first] != '{' || !isPlainUtf8(body, first, end, false)) {
          return null;
        }
        lines++;
      }
      start = end + 1;
    }
    var records = new ArrayList<RawRecord>(lines);
    try (MappingIterator<JsonNode> values = TREES.readValues(body)) {
      JsonParser parser = values.getParser();
      int lastLine = 0;
      while (values.hasNextValue()) {
        int line = parser.currentTokenLocation().getLineNr();
        if (parser.currentToken() != JsonToken.START_OBJECT || line <= lastLine) {
          // Not an object, or a second value on a line: such a line is not a record.
          return null;
        }
        JsonNode value = values.nextValue();
        if (parser.currentLocation().getLineNr() != line) {
          return null;
        }
        records.add(new RawRecord(records.size(), line, value, null));
        lastLine = line;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return records.size() == lines ? records : null;
  }

  /**
   * Splits at '\n' bytes: in UTF-8 that byte is never part of a multi-byte character, so a line
   * with broken bytes cannot spill into its neighbours.
   */
  static List<RawRecord> lineByLine(byte[] body) {
    var records = new ArrayList<RawRecord>();
    int start = 0;
    int lineNo = 0;
    while (start <= body.length) {
      int end = start;
      while (end < body.length && body[end] != '\n') {
        end++;
      }
      lineNo++;
      addLine(records, body, start, end, lineNo);
      start = end + 1;
    }
    return records;
  }

  private static void addLine(
      List<RawRecord> records, byte[] body, int start, int end, int lineNo) {
    int first = start;
    while (first < end && isJsonSpace(body[first])) {
      first++;
    }
    if (first == end) {
      return;
    }
    if (body[first] == '{' && isPlainUtf8(body, first, end)) {
      // The common line: Jackson parses the bytes in place, with no String or char copy of them.
      try {
        records.add(
            new RawRecord(
                records.size(), lineNo, Json.mapper().readTree(body, first, end - first), null));
        return;
      } catch (IOException e) {
        // Parsed again below from text, so that the error names the same column as ever.
      }
    }
    addDecodedLine(records, body, start, end, lineNo);
  }

  private static boolean isJsonSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /**
   * True when the bytes are well-formed UTF-8, as strictly as Java's decoder reads it (no overlong
   * forms, no surrogates, nothing above U+10FFFF), and hold no control character but tab and CR.
   * Such bytes parse to the same tree as their decoded text: without a zero byte or a byte-order
   * mark before the '{' Jackson cannot take them for UTF-16 or UTF-32. Anything else takes the
   * decoding path, which names the offset of a broken sequence.
   */
  static boolean isPlainUtf8(byte[] b, int from, int to) {
    return isPlainUtf8(b, from, to, true);
  }

  /**
   * @param crAllowed false to refuse CR as well, in the same pass: reading a whole body with one
   *     parser, Jackson would count a CR as a line end where the split at '\n' does not
   */
  private static boolean isPlainUtf8(byte[] b, int from, int to, boolean crAllowed) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        if (c < 0x20 && c != '\t' && (c != '\r' || !crAllowed)) {
          return false;
        }
        i++;
        continue;
      }
      int n;
      int min = 0x80;
      int max = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
        if (c == 0xe0) {
          min = 0xa0;
        } else if (c == 0xed) {
          max = 0x9f;
        }
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
        if (c == 0xf0) {
          min = 0x90;
        } else if (c == 0xf4) {
          max = 0x8f;
        }
      } else {
        return false;
      }
      if (i + n >= to) {
        return false;
      }
      int second = b[i + 1] & 0xff;
      if (second < min || second > max) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        int next = b[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }

  private static void addDecodedLine(
      List<RawRecord> records, byte[] body, int start, int end, int lineNo) {
    String line;
    try {
      line = decode(body, start, end - start).strip();
    } catch (CharacterCodingException e) {
      records.add(new RawRecord(records.size(), lineNo, null, e.getMessage()));
      return;
    }
    if (line.isEmpty()) {
      return;
    }
    int index = records.size();
    try {
      records.add(new RawRecord(index, lineNo, Json.mapper().readTree(line), null));
    } catch (IOException e) {
      String reason =
          e instanceof JsonProcessingException jpe
              ? "malformed JSON: " + location(jpe, false) + jpe.getOriginalMessage()
              : "malformed JSON: " + e.getMessage();
      records.add(new RawRecord(index, lineNo, null, reason));
    }
  }

  /** Decodes strictly; the exception names the byte offset of the first broken sequence. */
  public static String decode(byte[] bytes, int offset, int length)
      throws CharacterCodingException {
    var in = ByteBuffer.wrap(bytes, offset, length);
    var out = CharBuffer.allocate(length);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InvalidUtf8Exception(in.position() - offset);
    }
    return out.flip().toString();
  }

  private static String location(JsonProcessingException e, boolean withLine) {
    var loc = e.getLocation();
    if (loc == null) {
      return "";
    }
    return (withLine ? "at line " + loc.getLineNr() + ", column " : "at column ")
        + loc.getColumnNr()
        + ": ";
  }
}
