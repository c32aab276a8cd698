package org.iprradar.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iprradar.ingest.validate.RawRecord;
import org.iprradar.ingest.validate.SellerRecordValidator;
import org.iprradar.web.security.Caller;
import org.iprradar.web.security.Roles;

/**
 * Keeps a partner inside its own platforms: every record of a listings, complaints or seller-record
 * request must name one of the platforms the partner's key was issued for. It runs before any
 * record is validated or sent, so a request with one foreign record writes nothing at all.
 *
 * <p>People are not limited here: the feeds' {@code @Secured} admits only ADMIN besides partners,
 * and an administrator may load data for any platform (a backfill, a correction). Rules and brands
 * carry no platform; their roles alone decide.
 *
 * <p>The platform is read the way the validators read it (stripped, NFC, a number taken as its
 * text), so a record this check lets through cannot be stored under another platform.
 */
@Singleton
final class PlatformCheck {

  private final SecurityService security;

  PlatformCheck(@Nullable SecurityService security) {
    this.security = security;
  }

  /**
   * The 403 answer when a partner's request names a foreign platform, or null when it may go on.
   */
  HttpResponse<?> refusal(Feed<?> feed, List<RawRecord> records, Map<String, String> path) {
    if (security == null || !carriesPlatform(feed)) {
      return null;
    }
    Optional<Caller> caller = security.getAuthentication().map(Caller::of);
    // An administrator may write for any platform, also when the token carries PARTNER too.
    if (caller.isEmpty() || !caller.get().has(Roles.PARTNER) || caller.get().has(Roles.ADMIN)) {
      return null;
    }
    Set<String> allowed = caller.get().platforms();
    var offences = new ArrayList<PlatformRefusal.Offence>();
    String fromPath = path.get(SellerRecordValidator.PLATFORM);
    for (RawRecord record : records) {
      String named = fromPath != null ? normalised(fromPath) : null;
      if (named == null || allowed.contains(named)) {
        JsonNode json = record.json();
        JsonNode node = json == null ? null : json.get("platform");
        if (node != null && (node.isTextual() || node.isIntegralNumber())) {
          named = normalised(node.asText());
        }
      }
      if (named != null && !allowed.contains(named)) {
        offences.add(
            new PlatformRefusal.Offence(
                record.index(), record.line() > 0 ? record.line() : null, named));
      }
    }
    if (offences.isEmpty()) {
      return null;
    }
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .body(
            new PlatformRefusal(
                "foreign_platform",
                offences.size()
                    + " record(s) name a platform partner '"
                    + caller.get().name()
                    + "' may not write for (it may write for "
                    + String.join(", ", new java.util.TreeSet<>(allowed))
                    + "); nothing of this request was written",
                offences));
  }

  private static boolean carriesPlatform(Feed<?> feed) {
    return switch (feed.name()) {
      case "listings", "complaints", "seller-records" -> true;
      default -> false;
    };
  }

  private static String normalised(String raw) {
    String stripped = raw.strip();
    return Normalizer.isNormalized(stripped, Normalizer.Form.NFC)
        ? stripped
        : Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }
}
