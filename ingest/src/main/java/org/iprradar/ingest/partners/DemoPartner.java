package org.iprradar.ingest.partners;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.time.Instant;
import java.util.List;
import org.iprradar.common.model.Partner;
import org.iprradar.common.model.PartnerKey;

/**
 * The embedded default's partner, with a documented key, so that the demo and a first try with curl
 * work without an administrator: it writes for the demo data's platforms. Kept in this instance's
 * store only, never in the topic, and refused in production ({@link ProductionCheck}).
 */
@Context
@Requires(property = "ipr.security.demo-partner.enabled", value = "true")
public final class DemoPartner {

  public static final String PARTNER_ID = "demo-marketplaces";

  /** The documented demo key (README): for the embedded default only. */
  public static final String KEY = ApiKeys.of("demo", "de".repeat(32)).key();

  public static final List<String> PLATFORMS = List.of("taobao", "tmall", "jd", "pdd", "xianyu");

  DemoPartner(PartnerStore store) {
    var issued = ApiKeys.of("demo", "de".repeat(32));
    store.apply(
        PARTNER_ID,
        new Partner(
            PARTNER_ID,
            "Demo marketplaces (embedded default only)",
            PLATFORMS,
            List.of(
                new PartnerKey(
                    issued.keyId(), issued.sha256(), "documented demo key", Instant.EPOCH, null)),
            Instant.EPOCH));
  }
}
