package org.iprradar.common.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} with phone numbers, ID numbers, API keys and tokens masked ({@link
 * Redaction}). logback.xml puts it in place of the standard {@code %msg}.
 */
public final class MaskingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redaction.mask(super.convert(event));
  }
}
