package org.iprradar.ingest.partners;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.iprradar.common.model.Partner;
import org.iprradar.common.model.PartnerKey;

/**
 * The partners this instance knows, with an index from key id to partner so that a request's key is
 * checked without a scan. Filled from the {@code partners} topic ({@link PartnerFollower}) and from
 * this instance's own admin writes once Kafka acknowledged them, so that a key issued here works
 * here at once.
 */
@Singleton
public final class PartnerStore {

  private final Map<String, Partner> byId = new ConcurrentHashMap<>();
  private final Map<String, String> partnerByKeyId = new ConcurrentHashMap<>();

  /** Takes the partner's latest record; null deletes it. */
  public void apply(String partnerId, Partner partner) {
    Partner old = partner == null ? byId.remove(partnerId) : byId.put(partnerId, partner);
    if (old != null) {
      old.keys().forEach(k -> partnerByKeyId.remove(k.keyId(), partnerId));
    }
    if (partner != null) {
      partner.keys().forEach(k -> partnerByKeyId.put(k.keyId(), partnerId));
    }
  }

  public Optional<Partner> get(String partnerId) {
    return Optional.ofNullable(byId.get(partnerId));
  }

  public Collection<Partner> all() {
    return byId.values();
  }

  /** The partner a presented key belongs to, when the key is known and not revoked. */
  public Optional<Partner> authenticate(String presentedKey) {
    String keyId = ApiKeys.keyIdOf(presentedKey);
    if (keyId == null) {
      return Optional.empty();
    }
    String partnerId = partnerByKeyId.get(keyId);
    Partner partner = partnerId == null ? null : byId.get(partnerId);
    if (partner == null) {
      return Optional.empty();
    }
    String presented = ApiKeys.sha256(presentedKey);
    for (PartnerKey key : partner.keys()) {
      if (key.keyId().equals(keyId) && key.live() && ApiKeys.sameHash(presented, key.sha256())) {
        return Optional.of(partner);
      }
    }
    return Optional.empty();
  }
}
