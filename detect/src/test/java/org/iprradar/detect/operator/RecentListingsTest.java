package org.iprradar.detect.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.score.SellerContext;
import org.junit.jupiter.api.Test;

/** The ring of recent listings a dry run is tried on. */
class RecentListingsTest {

  @Test
  void keepsTheLastListingsUpToItsCapacityAndCountsTheirHits() {
    var recent = new RecentListings(2);
    for (String id : List.of("a", "b", "c")) {
      recent.record(
          Fixtures.listing(id, "t " + id, "1", null), SellerContext.of(null), List.of("r-" + id));
    }

    assertEquals(
        List.of("taobao:b", "taobao:c"),
        recent.last(10).stream().map(s -> s.listing().key()).toList());
    assertEquals(List.of("taobao:c"), recent.last(1).stream().map(s -> s.listing().key()).toList());
    assertEquals(Map.of("r-b", 1, "r-c", 1), recent.hitsByRule());
  }
}
