package org.iprradar.alerts.audit;

/** The audit topic could not be read in time (Kafka away or slow): worth a retry. */
public final class AuditReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  AuditReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
