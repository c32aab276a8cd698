package org.iprradar.ingest.http;

/**
 * A change Kafka took whose history entry it did not: the change is in force, and the client must
 * hear that only the history is missing, not that nothing was stored.
 */
final class HistoryNotWrittenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HistoryNotWrittenException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
