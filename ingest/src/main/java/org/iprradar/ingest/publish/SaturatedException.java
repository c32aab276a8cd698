package org.iprradar.ingest.publish;

/** Too many records are waiting for Kafka's acknowledgement: the client should retry later. */
public final class SaturatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SaturatedException(String message) {
    super(message);
  }
}
