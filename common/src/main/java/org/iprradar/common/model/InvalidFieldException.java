package org.iprradar.common.model;

/** A value that breaks a rule of its record, naming the field so that a caller can say which. */
public final class InvalidFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The name of the offending field, as it is spelt in JSON. */
  public String field() {
    return field;
  }
}
