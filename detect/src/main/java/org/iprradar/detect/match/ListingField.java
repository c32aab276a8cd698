package org.iprradar.detect.match;

import java.util.List;
import org.iprradar.common.model.Listing;

/** The listing fields rules can search, with how each is read from a listing. */
public enum ListingField {
  TITLE("title"),
  DESCRIPTION("description"),
  SHOP_NAME("shopName");

  /** Fields a rule query searches when it names none. */
  public static final List<ListingField> DEFAULT_SEARCH = List.of(TITLE, DESCRIPTION);

  private final String fieldName;

  ListingField(String fieldName) {
    this.fieldName = fieldName;
  }

  /** The name used in rule queries and evidence. */
  public String fieldName() {
    return fieldName;
  }

  public String valueOf(Listing listing) {
    // A switch, not a function per constant: read for every field of every listing, a call site
    // shared by three lambdas would not be inlined.
    return switch (this) {
      case TITLE -> listing.title();
      case DESCRIPTION -> listing.description();
      case SHOP_NAME -> listing.shopName();
    };
  }
}
