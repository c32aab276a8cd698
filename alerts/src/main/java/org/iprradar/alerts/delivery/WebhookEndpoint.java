package org.iprradar.alerts.delivery;

import java.net.URI;
import java.util.Objects;

/**
 * Where a bureau receives alerts, and the secret the bodies are signed with.
 *
 * @param bureauId the bureau, as the directory names it
 * @param url an http or https URL
 * @param secret the shared HMAC key; never printed
 */
public record WebhookEndpoint(String bureauId, URI url, String secret) {

  public WebhookEndpoint {
    Objects.requireNonNull(bureauId, "bureauId");
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "webhook URL of " + bureauId + " must be http or https, was " + url);
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook of " + bureauId + " has no secret");
    }
  }

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "WebhookEndpoint[bureauId=" + bureauId + ", url=" + url + ", secret=***]";
  }
}
