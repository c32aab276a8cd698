package org.iprradar.ingest.validate;

/** Why one field of one record was refused. A field of {@code null} means the record as a whole. */
public record FieldError(String field, String reason) {}
