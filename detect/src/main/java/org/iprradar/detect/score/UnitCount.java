package org.iprradar.detect.score;

import java.util.List;
import org.iprradar.common.model.Evidence;

/**
 * How many retail units a listing's price buys, as its title states it: "210g*10支" is ten tubes,
 * "整箱6瓶" six bottles, "5瓶装 买一送一" ten.
 *
 * @param units the number of retail units, at least 1
 * @param evidence the title text that states the quantity
 */
record UnitCount(double units, List<Evidence> evidence) {

  static final UnitCount ONE = new UnitCount(1, List.of());

  UnitCount {
    if (!(units >= 1)) {
      throw new IllegalArgumentException("units must be at least 1, was " + units);
    }
    evidence = List.copyOf(evidence);
  }

  boolean isBulk() {
    return units > 1;
  }

  /** The quantity texts, as an analyst reads them: "10支, 买一送一". */
  String text() {
    return String.join(", ", evidence.stream().map(Evidence::text).toList());
  }
}
