package org.iprradar.detect.match;

import java.util.Objects;
import org.apache.lucene.search.Query;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.SignalType;

/**
 * A rule ready to run: the parsed Lucene query and what a hit means. Operator rules and the
 * brand-mention rules derived from the registry take the same form, so the matcher treats them
 * alike.
 *
 * @param brandId the brand a brand-mention rule stands for, null for an operator rule
 * @param category the only listing category the rule applies to, or null for all
 */
public record MatchRule(
    String id,
    int version,
    SignalType signalType,
    Query query,
    InfringementType infringementType,
    String category,
    double weight,
    String brandId,
    String description) {

  public MatchRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(signalType, "signalType");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(infringementType, "infringementType");
    description = description == null ? "" : description;
  }

  /** Whether the rule applies to a listing of {@code listingCategory}. */
  public boolean appliesTo(String listingCategory) {
    return category == null || category.equals(listingCategory);
  }
}
