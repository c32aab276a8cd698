package org.iprradar.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.iprradar.common.model.Lead;

/**
 * Writes a lead's JSON around the JSON of its assessment, already written for the assessments
 * topic. A lead embeds its whole assessment, so serialising the lead afresh would serialise the
 * assessment a second time, the larger part of the work; these are the bytes the leads topic's
 * serde writes for the same lead, so the leads' readers (alerts, the harness, the tests) see no
 * difference.
 */
public final class LeadJson {

  private static final byte[] ASSESSMENT_FIELD =
      ",\"assessment\":".getBytes(StandardCharsets.UTF_8);

  private LeadJson() {}

  /**
   * @param lead the lead, whose assessment is the one {@code assessmentJson} was written from
   * @param assessmentJson the assessment's bytes as written by the assessments topic's serde
   */
  public static byte[] write(Lead lead, byte[] assessmentJson) {
    // The lead's other fields, in the record's order as Jackson writes them; null is written.
    var head = new ByteArrayOutputStream(160);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(head)) {
      g.writeStartObject();
      g.writeStringField("key", lead.key());
      g.writeStringField("platform", lead.platform());
      g.writeStringField("sellerId", lead.sellerId());
      g.writeStringField("sellerRegion", lead.sellerRegion());
      g.writeStringField("infringementType", lead.infringementType().name());
      g.writeStringField("category", lead.category());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write lead " + lead.key(), e);
    }
    byte[] start = head.toByteArray();
    // Drop the head's closing brace, then the assessment field and the lead's own closing brace.
    int headLength = start.length - 1;
    byte[] out = new byte[headLength + ASSESSMENT_FIELD.length + assessmentJson.length + 1];
    System.arraycopy(start, 0, out, 0, headLength);
    System.arraycopy(ASSESSMENT_FIELD, 0, out, headLength, ASSESSMENT_FIELD.length);
    System.arraycopy(
        assessmentJson, 0, out, headLength + ASSESSMENT_FIELD.length, assessmentJson.length);
    out[out.length - 1] = '}';
    return out;
  }
}
