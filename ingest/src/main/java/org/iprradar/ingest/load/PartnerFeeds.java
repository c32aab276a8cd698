package org.iprradar.ingest.load;

import java.util.List;
import java.util.Set;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.ingest.http.Feed;
import org.iprradar.ingest.http.Feeds;
import org.iprradar.ingest.validate.PlatformLimitedValidator;

/** The feeds a partner may drop files for, each limited to the partner's platforms. */
public final class PartnerFeeds {

  public static final List<String> NAMES = List.of("listings", "complaints", "seller-records");

  private PartnerFeeds() {}

  public static Feed<?> limited(
      Feeds feeds, String feedName, String partnerId, Set<String> platforms) {
    return switch (feedName) {
      case "listings" -> {
        Feed<Listing> f = feeds.listings();
        yield new Feed<>(
            f.name(),
            f.topic(),
            new PlatformLimitedValidator<>(f.validator(), Listing::platform, partnerId, platforms),
            f.versions(),
            f.versionOf());
      }
      case "complaints" -> {
        Feed<Complaint> f = feeds.complaints();
        yield new Feed<>(
            f.name(),
            f.topic(),
            new PlatformLimitedValidator<>(
                f.validator(), Complaint::platform, partnerId, platforms),
            f.versions(),
            f.versionOf());
      }
      case "seller-records" -> {
        Feed<SellerRecord> f = feeds.sellerRecords();
        yield new Feed<>(
            f.name(),
            f.topic(),
            new PlatformLimitedValidator<>(
                f.validator(), SellerRecord::platform, partnerId, platforms),
            f.versions(),
            f.versionOf());
      }
      default -> throw new IllegalArgumentException("partners drop no " + feedName + " files");
    };
  }
}
