package org.iprradar.common.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Picks the console appender of logback.xml from one setting, {@code IPR_LOG_FORMAT}: {@code json}
 * gives JSON lines, anything else (or nothing) the human-readable lines. Read from the logger
 * context's properties, then system properties, then the environment, like logback's own variables;
 * an unknown value falls back to text rather than to no log at all.
 */
public final class LogFormat extends PropertyDefinerBase {

  /** The setting's name, as environment variable or system property. */
  public static final String SETTING = "IPR_LOG_FORMAT";

  @Override
  public String getPropertyValue() {
    String value = getContext() == null ? null : getContext().getProperty(SETTING);
    if (value == null) {
      value = System.getProperty(SETTING);
    }
    if (value == null) {
      value = System.getenv(SETTING);
    }
    return value != null && value.strip().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
  }
}
