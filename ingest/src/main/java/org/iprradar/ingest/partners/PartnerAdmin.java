package org.iprradar.ingest.partners;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Partner;
import org.iprradar.common.model.PartnerKey;
import org.iprradar.ingest.publish.FeedPublisher;
import org.iprradar.ingest.publish.Outgoing;

/**
 * Changes to the partner directory: each one is written to the {@code partners} topic and, once
 * Kafka acknowledged it, applied to this instance's store. One change at a time, so that two
 * administrators issuing keys to one partner at once do not lose either key.
 */
@Singleton
final class PartnerAdmin {

  /** A platform id as listings carry it, without the ':' that separates a record key's parts. */
  static final Pattern PLATFORM = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,63}");

  private final PartnerStore store;
  private final FeedPublisher publisher;
  private final Clock clock;

  @Inject
  PartnerAdmin(PartnerStore store, FeedPublisher publisher) {
    this(store, publisher, Clock.systemUTC());
  }

  PartnerAdmin(PartnerStore store, FeedPublisher publisher, Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Creates the partner or replaces its name and platforms, keeping its keys. */
  synchronized Partner save(String partnerId, String name, List<String> platforms) {
    var old = store.get(partnerId);
    var partner =
        new Partner(
            partnerId,
            name,
            List.copyOf(new LinkedHashSet<>(platforms)),
            old.map(Partner::keys).orElse(List.of()),
            clock.instant());
    write(partner);
    return partner;
  }

  /** Issues a new key; the partner's other keys keep working (rotation). */
  synchronized Optional<ApiKeys.Issued> issue(String partnerId, String label) {
    var old = store.get(partnerId);
    if (old.isEmpty()) {
      return Optional.empty();
    }
    var issued = ApiKeys.issue();
    Instant now = clock.instant();
    var keys = new ArrayList<>(old.get().keys());
    keys.add(new PartnerKey(issued.keyId(), issued.sha256(), label, now, null));
    write(new Partner(partnerId, old.get().name(), old.get().platforms(), keys, now));
    return Optional.of(issued);
  }

  /**
   * Revokes a key; its record stays, with the time it was revoked.
   *
   * @return the key as revoked, or empty when the partner has no such key
   */
  synchronized Optional<PartnerKey> revoke(String partnerId, String keyId) {
    var old = store.get(partnerId);
    if (old.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    PartnerKey revoked = null;
    var keys = new ArrayList<PartnerKey>();
    for (PartnerKey key : old.get().keys()) {
      if (key.keyId().equals(keyId)) {
        revoked =
            key.live()
                ? new PartnerKey(key.keyId(), key.sha256(), key.label(), key.createdAt(), now)
                : key;
        keys.add(revoked);
      } else {
        keys.add(key);
      }
    }
    if (revoked == null) {
      return Optional.empty();
    }
    write(new Partner(partnerId, old.get().name(), old.get().platforms(), keys, now));
    return Optional.of(revoked);
  }

  /** Seeds a partner in this instance only, for the embedded demo's documented key. */
  void seedLocally(Partner partner) {
    store.apply(partner.partnerId(), partner);
  }

  private void write(Partner partner) {
    byte[] value = Topics.PARTNERS.valueSerde().serializer().serialize("partners", partner);
    try {
      publisher
          .publish(
              List.of(new Outgoing(Topics.PARTNERS.name(), partner.partnerId(), value, Map.of())))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the partner", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not store the partner change; retry", e);
    }
    store.apply(partner.partnerId(), partner);
  }
}
