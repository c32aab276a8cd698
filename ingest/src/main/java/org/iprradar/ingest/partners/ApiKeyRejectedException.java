package org.iprradar.ingest.partners;

/** A request presented an API key that is unknown, revoked or malformed. Never holds the key. */
public final class ApiKeyRejectedException extends RuntimeException {

  public ApiKeyRejectedException(String message) {
    super(message, null, false, false);
  }
}
