package org.iprradar.ingest.validate;

import java.nio.charset.CharacterCodingException;

/** Bytes that are not UTF-8, with the offset of the first broken sequence. */
public final class InvalidUtf8Exception extends CharacterCodingException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  public InvalidUtf8Exception(int offset) {
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }

  @Override
  public String getMessage() {
    return "invalid UTF-8 at byte offset " + offset + " of the line";
  }
}
