package org.iprradar.ingest.http;

/** A request body, or its gzip content once decompressed, above the configured limit. */
public final class PayloadTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
