package org.iprradar.common.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One API key of a partner, as stored: the SHA-256 of the key, never the key. A key is 256 random
 * bits, so a fast hash is as safe as a slow one and keeps every request cheap to check.
 *
 * @param keyId the public part of the key, which finds the partner without a scan
 * @param sha256 the hex SHA-256 of the whole key as the partner sends it
 * @param revokedAt when it stopped working, or null while it works
 */
public record PartnerKey(
    String keyId, String sha256, String label, Instant createdAt, Instant revokedAt) {

  public PartnerKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sha256, "sha256");
  }

  public boolean live() {
    return revokedAt == null;
  }
}
