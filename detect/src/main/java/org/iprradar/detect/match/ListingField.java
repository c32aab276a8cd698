package org.iprradar.detect.match;

import java.util.List;
import java.util.function.Function;
import org.iprradar.common.model.Listing;

/** The listing fields rules can search, with how each is read from a listing. */
public enum ListingField {
  TITLE("title", Listing::title),
  DESCRIPTION("description", Listing::description),
  SHOP_NAME("shopName", Listing::shopName);

  /** Fields a rule query searches when it names none. */
  public static final List<ListingField> DEFAULT_SEARCH = List.of(TITLE, DESCRIPTION);

  private final String fieldName;
  private final Function<Listing, String> reader;

  ListingField(String fieldName, Function<Listing, String> reader) {
    this.fieldName = fieldName;
    this.reader = reader;
  }

  /** The name used in rule queries and evidence. */
  public String fieldName() {
    return fieldName;
  }

  public String valueOf(Listing listing) {
    return reader.apply(listing);
  }
}
