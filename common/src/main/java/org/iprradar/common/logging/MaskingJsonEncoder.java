package org.iprradar.common.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Logback's JSON lines with the formatted message and the arguments masked ({@link Redaction}), for
 * {@code IPR_LOG_FORMAT=json}: the same safety net as {@link MaskingMessageConverter} for text
 * lines.
 */
public final class MaskingJsonEncoder extends JsonEncoder {

  @Override
  public byte[] encode(ILoggingEvent event) {
    return super.encode(masked(event));
  }

  /** The event, its formatted message masked; every other property read from the original. */
  static ILoggingEvent masked(ILoggingEvent event) {
    return (ILoggingEvent)
        Proxy.newProxyInstance(
            ILoggingEvent.class.getClassLoader(),
            new Class<?>[] {ILoggingEvent.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFormattedMessage")
                  && method.getParameterCount() == 0) {
                return Redaction.mask(event.getFormattedMessage());
              }
              if (method.getName().equals("getArgumentArray")
                  && method.getParameterCount() == 0
                  && event.getArgumentArray() != null) {
                Object[] raw = event.getArgumentArray();
                Object[] masked = new Object[raw.length];
                for (int i = 0; i < raw.length; i++) {
                  masked[i] = raw[i] == null ? null : Redaction.mask(String.valueOf(raw[i]));
                }
                return masked;
              }
              try {
                return method.invoke(event, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
