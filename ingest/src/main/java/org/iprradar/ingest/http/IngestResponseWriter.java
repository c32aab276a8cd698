package org.iprradar.ingest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.iprradar.ingest.validate.FieldError;

/**
 * Writes an answer's JSON field by field: a batch of a thousand records answers a thousand results,
 * and the generic record serializer (an accessor call through reflection and a property lookup per
 * field) cost more than the rest of the answer. The JSON is the one Jackson writes for the records
 * ({@code IngestResponseWriterTest} compares them); absent fields are left out as before.
 */
final class IngestResponseWriter extends StdSerializer<IngestResponse> {

  private static final SerializableString ACCEPTED = new SerializedString("accepted");
  private static final SerializableString DUPLICATES = new SerializedString("duplicates");
  private static final SerializableString REJECTED = new SerializedString("rejected");
  private static final SerializableString RESULTS = new SerializedString("results");
  private static final SerializableString INDEX = new SerializedString("index");
  private static final SerializableString LINE = new SerializedString("line");
  private static final SerializableString KEY = new SerializedString("key");
  private static final SerializableString STATUS = new SerializedString("status");
  private static final SerializableString ERRORS = new SerializedString("errors");
  private static final SerializableString FIELD = new SerializedString("field");
  private static final SerializableString REASON = new SerializedString("reason");

  IngestResponseWriter() {
    super(IngestResponse.class);
  }

  @Override
  public void serialize(IngestResponse response, JsonGenerator out, SerializerProvider provider)
      throws IOException {
    out.writeStartObject();
    out.writeFieldName(ACCEPTED);
    out.writeNumber(response.accepted());
    out.writeFieldName(DUPLICATES);
    out.writeNumber(response.duplicates());
    out.writeFieldName(REJECTED);
    out.writeNumber(response.rejected());
    out.writeFieldName(RESULTS);
    out.writeStartArray();
    for (RecordResult result : response.results()) {
      write(result, out);
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void write(RecordResult result, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeFieldName(INDEX);
    out.writeNumber(result.index());
    if (result.line() != null) {
      out.writeFieldName(LINE);
      out.writeNumber(result.line());
    }
    if (result.key() != null) {
      out.writeFieldName(KEY);
      out.writeString(result.key());
    }
    if (result.status() != null) {
      out.writeFieldName(STATUS);
      out.writeString(result.status());
    }
    if (result.errors() != null) {
      out.writeFieldName(ERRORS);
      out.writeStartArray();
      for (FieldError error : result.errors()) {
        out.writeStartObject();
        if (error.field() != null) {
          out.writeFieldName(FIELD);
          out.writeString(error.field());
        }
        if (error.reason() != null) {
          out.writeFieldName(REASON);
          out.writeString(error.reason());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }
}
