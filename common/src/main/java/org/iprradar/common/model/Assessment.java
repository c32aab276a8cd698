package org.iprradar.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The risk verdict on one listing version: a 0-100 score and the signals whose contributions add up
 * to it. Exactly one is written to the {@code assessments} topic per listing version.
 *
 * @param estimatedSales the listing's estimated sales in CNY, price × units sold; null when the
 *     partner does not report units sold. Absent from assessments written before it existed
 * @param crossBorder whether the listing is offered for export, so that customs hears of it; false
 *     in assessments written before it existed
 * @param complaints the complaints counted for the listing and its seller; null in assessments
 *     written before complaints were counted
 * @param network the seller's network of sellers linked by shared identity details, or null when
 *     the seller shares none (and in assessments written before networks existed)
 * @param versions the versions of the rules, brands and weights that produced the score; null in
 *     assessments written before it existed
 */
public record Assessment(
    int schemaVersion,
    String listingKey,
    String platform,
    String listingId,
    long listingVersion,
    String title,
    BigDecimal price,
    String sellerId,
    String sellerRegion,
    String shopName,
    String category,
    double score,
    InfringementType infringementType,
    String brandId,
    boolean lead,
    List<Signal> signals,
    Instant assessedAt,
    BigDecimal estimatedSales,
    boolean crossBorder,
    ComplaintCounts complaints,
    SellerNetwork network,
    ConfigVersions versions) {

  public static final int SCHEMA_VERSION = 1;

  // The creator is named because the record has other constructors.
  @JsonCreator
  public Assessment {
    Objects.requireNonNull(listingKey, "listingKey");
    Objects.requireNonNull(infringementType, "infringementType");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be within 0..100, was " + score);
    }
    signals = signals == null ? List.of() : List.copyOf(signals);
  }

  /** An assessment whose configuration versions are not known yet. */
  public Assessment(
      int schemaVersion,
      String listingKey,
      String platform,
      String listingId,
      long listingVersion,
      String title,
      BigDecimal price,
      String sellerId,
      String sellerRegion,
      String shopName,
      String category,
      double score,
      InfringementType infringementType,
      String brandId,
      boolean lead,
      List<Signal> signals,
      Instant assessedAt,
      BigDecimal estimatedSales,
      boolean crossBorder,
      ComplaintCounts complaints,
      SellerNetwork network) {
    this(
        schemaVersion,
        listingKey,
        platform,
        listingId,
        listingVersion,
        title,
        price,
        sellerId,
        sellerRegion,
        shopName,
        category,
        score,
        infringementType,
        brandId,
        lead,
        signals,
        assessedAt,
        estimatedSales,
        crossBorder,
        complaints,
        network,
        null);
  }

  /** An assessment without complaint counts, seller network and configuration versions. */
  public Assessment(
      int schemaVersion,
      String listingKey,
      String platform,
      String listingId,
      long listingVersion,
      String title,
      BigDecimal price,
      String sellerId,
      String sellerRegion,
      String shopName,
      String category,
      double score,
      InfringementType infringementType,
      String brandId,
      boolean lead,
      List<Signal> signals,
      Instant assessedAt,
      BigDecimal estimatedSales,
      boolean crossBorder) {
    this(
        schemaVersion,
        listingKey,
        platform,
        listingId,
        listingVersion,
        title,
        price,
        sellerId,
        sellerRegion,
        shopName,
        category,
        score,
        infringementType,
        brandId,
        lead,
        signals,
        assessedAt,
        estimatedSales,
        crossBorder,
        null,
        null,
        null);
  }

  /** An assessment of a domestic listing whose sales are not known. */
  public Assessment(
      int schemaVersion,
      String listingKey,
      String platform,
      String listingId,
      long listingVersion,
      String title,
      BigDecimal price,
      String sellerId,
      String sellerRegion,
      String shopName,
      String category,
      double score,
      InfringementType infringementType,
      String brandId,
      boolean lead,
      List<Signal> signals,
      Instant assessedAt) {
    this(
        schemaVersion,
        listingKey,
        platform,
        listingId,
        listingVersion,
        title,
        price,
        sellerId,
        sellerRegion,
        shopName,
        category,
        score,
        infringementType,
        brandId,
        lead,
        signals,
        assessedAt,
        null,
        false,
        null,
        null,
        null);
  }

  /** This assessment, recording the versions of the configuration that produced it. */
  public Assessment withVersions(ConfigVersions newVersions) {
    return new Assessment(
        schemaVersion,
        listingKey,
        platform,
        listingId,
        listingVersion,
        title,
        price,
        sellerId,
        sellerRegion,
        shopName,
        category,
        score,
        infringementType,
        brandId,
        lead,
        signals,
        assessedAt,
        estimatedSales,
        crossBorder,
        complaints,
        network,
        newVersions);
  }

  /** Price × units sold, or null when units sold are not known. */
  public static BigDecimal estimatedSales(BigDecimal price, Long unitsSold) {
    if (price == null || unitsSold == null || unitsSold < 0) {
      return null;
    }
    return price.multiply(BigDecimal.valueOf(unitsSold));
  }
}
