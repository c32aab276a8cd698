package org.iprradar.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Turns one raw record of a feed into a value to publish, or the precise reasons it cannot be. */
public interface RecordValidator<T> {

  /**
   * @param record the record as split from the body
   * @param pathParameters identifiers from the URL (a brand id, a seller key); empty for POSTs
   */
  Verdict<T> validate(RawRecord record, Map<String, String> pathParameters);

  default Verdict<T> validate(RawRecord record) {
    return validate(record, Map.of());
  }

  /** The verdict for a record that did not parse or is not a JSON object; null when it is one. */
  static <T> Verdict<T> notAnObject(RawRecord record, String what) {
    if (record.json() == null) {
      return Verdict.rejected(record, List.of(new FieldError(null, record.parseError())));
    }
    JsonNode json = record.json();
    if (!json.isObject()) {
      return Verdict.rejected(
          record,
          List.of(
              new FieldError(
                  null, "a " + what + " must be a JSON object, was " + Fields.kind(json))));
    }
    return null;
  }

  /**
   * A path identifier must agree with the body when the body names it too, so that a record is
   * never stored under another record's key.
   */
  static String fromPath(Fields fields, String name, String pathValue) {
    String fromPath = fields.pathIdentifier(name, pathValue);
    if (fromPath == null) {
      return null;
    }
    String inBody = fields.identifier(name, false);
    if (inBody != null && !inBody.equals(fromPath)) {
      fields.error(name, "is '" + inBody + "' in the body but '" + fromPath + "' in the URL");
      return null;
    }
    return fromPath;
  }
}
