package org.iprradar.ingest.validate;

/** A request body that cannot be split into records at all. */
public final class BodyFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public BodyFormatException(String message) {
    super(message);
  }
}
