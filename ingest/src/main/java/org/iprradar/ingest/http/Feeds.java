package org.iprradar.ingest.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.iprradar.common.kafka.Topics;
import org.iprradar.common.model.Brand;
import org.iprradar.common.model.Complaint;
import org.iprradar.common.model.Listing;
import org.iprradar.common.model.Rule;
import org.iprradar.common.model.SellerRecord;
import org.iprradar.ingest.validate.BrandValidator;
import org.iprradar.ingest.validate.ComplaintValidator;
import org.iprradar.ingest.validate.CurrencyRates;
import org.iprradar.ingest.validate.IdentityHasher;
import org.iprradar.ingest.validate.ListingValidator;
import org.iprradar.ingest.validate.RuleValidator;
import org.iprradar.ingest.validate.SellerRecordValidator;
import org.iprradar.ingest.versions.ListingVersions;

/** The feeds ingest accepts, configured once. */
@Singleton
public final class Feeds {

  private final Feed<Listing> listings;
  private final Feed<Complaint> complaints;
  private final Feed<Brand> brands;
  private final Feed<SellerRecord> sellerRecords;
  private final Feed<Rule> rules;

  /** Feeds without an identity key: raw identity fields of seller records are refused. */
  public Feeds(ListingVersions versions, Map<String, BigDecimal> cnyRates) {
    this(versions, cnyRates, null);
  }

  @Inject
  public Feeds(
      ListingVersions versions,
      @Nullable @Property(name = "ipr.ingest.cny-rates") Map<String, BigDecimal> cnyRates,
      @Nullable @Property(name = "ipr.security.identity-key") String identityKey) {
    Clock clock = Clock.systemUTC();
    var rates = new CurrencyRates(cnyRates);
    this.listings =
        new Feed<>(
            "listings",
            Topics.LISTINGS,
            new ListingValidator(clock, rates),
            versions,
            Listing::version);
    this.complaints =
        Feed.unversioned("complaints", Topics.COMPLAINTS, new ComplaintValidator(clock));
    this.brands = Feed.unversioned("brands", Topics.BRANDS, new BrandValidator());
    this.sellerRecords =
        Feed.unversioned(
            "seller-records",
            Topics.SELLER_RECORDS,
            new SellerRecordValidator(clock, new IdentityHasher(identityKey)));
    this.rules = Feed.unversioned("rules", Topics.RULES, new RuleValidator());
  }

  public Feed<Listing> listings() {
    return listings;
  }

  public Feed<Complaint> complaints() {
    return complaints;
  }

  public Feed<Brand> brands() {
    return brands;
  }

  public Feed<SellerRecord> sellerRecords() {
    return sellerRecords;
  }

  public Feed<Rule> rules() {
    return rules;
  }

  /** The feed of the given name, for the file loader's {@code --feed}. */
  public Feed<?> byName(String name) {
    return switch (name) {
      case "listings" -> listings;
      case "complaints" -> complaints;
      case "brands" -> brands;
      case "seller-records" -> sellerRecords;
      case "rules" -> rules;
      default ->
          throw new IllegalArgumentException(
              "unknown feed '" + name + "': listings, complaints, brands, seller-records or rules");
    };
  }
}
