package org.iprradar.ingest.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

  private RecordSplitter() {}

  /**
   * @param ndjson true when the client declared NDJSON; a JSON body that is not one value but has
   *     several lines is read as NDJSON too
   * @throws BodyFormatException when the body is empty, not UTF-8, or malformed JSON that has no
   *     lines to recover
   */
  public static List<RawRecord> split(byte[] body, boolean ndjson) throws BodyFormatException {
    String text = decode(body);
    if (text.isBlank()) {
      throw new BodyFormatException(
          "the request body is empty: send a listing, an array or NDJSON");
    }
    if (!ndjson) {
      try {
        return fromJson(Json.mapper().readTree(text));
      } catch (JsonProcessingException e) {
        if (text.strip().startsWith("[") || text.strip().lines().count() < 2) {
          throw new BodyFormatException(
              "malformed JSON: " + location(e, true) + e.getOriginalMessage());
        }
        // Several lines that are not one JSON value: read them as NDJSON so good lines are kept.
      }
    }
    return fromLines(text);
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

  private static List<RawRecord> fromLines(String text) {
    var records = new ArrayList<RawRecord>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int index = records.size();
      try {
        records.add(new RawRecord(index, i + 1, Json.mapper().readTree(line), null));
      } catch (IOException e) {
        String reason =
            e instanceof JsonProcessingException jpe
                ? "malformed JSON: " + location(jpe, false) + jpe.getOriginalMessage()
                : "malformed JSON: " + e.getMessage();
        records.add(new RawRecord(index, i + 1, null, reason));
      }
    }
    return records;
  }

  private static String decode(byte[] body) throws BodyFormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BodyFormatException("the request body is not valid UTF-8: " + e.getMessage());
    }
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
