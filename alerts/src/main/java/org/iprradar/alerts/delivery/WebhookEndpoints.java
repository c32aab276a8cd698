package org.iprradar.alerts.delivery;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iprradar.common.model.Bureau;

/**
 * The webhook endpoints of the bureau directory, read from the environment: {@code
 * IPR_WEBHOOK_<BUREAU_ID>_URL} and {@code IPR_WEBHOOK_<BUREAU_ID>_SECRET}. Secrets come from the
 * environment (a mounted secret), not from the routing file, so that the routing file can be kept
 * in version control. A bureau without a URL gets no deliveries.
 */
public final class WebhookEndpoints {

  private final Map<String, WebhookEndpoint> byBureau;

  private WebhookEndpoints(Map<String, WebhookEndpoint> byBureau) {
    this.byBureau = Map.copyOf(byBureau);
  }

  /**
   * Reads the endpoints of {@code bureaus} from {@code env}.
   *
   * @throws IllegalArgumentException when a URL is set without its secret, or is not a URL
   */
  public static WebhookEndpoints from(Collection<Bureau> bureaus, Map<String, String> env) {
    return from(bureaus, env::get);
  }

  /**
   * Reads the endpoints of {@code bureaus} by name from {@code lookup}, which answers null for a
   * name that is not set.
   */
  public static WebhookEndpoints from(Collection<Bureau> bureaus, Function<String, String> lookup) {
    var found = new LinkedHashMap<String, WebhookEndpoint>();
    for (Bureau bureau : bureaus) {
      String prefix = "IPR_WEBHOOK_" + bureau.id() + "_";
      String url = lookup.apply(prefix + "URL");
      if (url == null || url.isBlank()) {
        continue;
      }
      found.put(
          bureau.id(),
          new WebhookEndpoint(
              bureau.id(), URI.create(url.strip()), lookup.apply(prefix + "SECRET")));
    }
    return new WebhookEndpoints(found);
  }

  public Optional<WebhookEndpoint> of(String bureauId) {
    return Optional.ofNullable(byBureau.get(bureauId));
  }

  public boolean isEmpty() {
    return byBureau.isEmpty();
  }

  public Collection<WebhookEndpoint> all() {
    return byBureau.values();
  }
}
