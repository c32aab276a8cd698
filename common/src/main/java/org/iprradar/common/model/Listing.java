package org.iprradar.common.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One product listing as a platform partner reports it. Prices are in CNY. The Kafka key is {@link
 * #key()}.
 *
 * @param version the partner's version of this listing; a higher one replaces a lower one
 */
public record Listing(
    String platform,
    String listingId,
    String title,
    String description,
    String shopName,
    BigDecimal price,
    String sellerId,
    String sellerRegion,
    String category,
    Long unitsSold,
    boolean crossBorder,
    String url,
    List<String> imageUrls,
    Instant observedAt,
    long version) {

  public Listing {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(listingId, "listingId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(sellerId, "sellerId");
    description = description == null ? "" : description;
    shopName = shopName == null ? "" : shopName;
    imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
  }

  /** The record key on every listing-keyed topic: {@code platform:listingId}. */
  public String key() {
    return key(platform, listingId);
  }

  public static String key(String platform, String listingId) {
    return platform + ":" + listingId;
  }
}
