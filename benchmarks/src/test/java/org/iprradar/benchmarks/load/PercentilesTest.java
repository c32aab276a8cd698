package org.iprradar.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOverEveryValueInAnyOrder() {
    var p = new Percentiles();
    // 1 to 1000 ms, added largest first: the percentiles must not depend on the order.
    for (int ms = 1000; ms >= 1; ms--) {
      p.add(ms * 1_000_000L);
    }
    assertEquals(1000, p.count());
    assertEquals(500.0, p.millis(0.50));
    assertEquals(990.0, p.millis(0.99));
    assertEquals(1000.0, p.millis(1.0));
    assertEquals(1.0, p.millis(0.0));
  }

  @Test
  void growsPastItsFirstArrayAndAnswersNaNWhenEmpty() {
    var p = new Percentiles();
    assertTrue(Double.isNaN(p.millis(0.99)));
    for (int i = 0; i < 200_000; i++) {
      p.add(i % 2 == 0 ? 1_000_000L : 3_000_000L);
    }
    assertEquals(200_000, p.count());
    assertEquals(1.0, p.millis(0.5));
    assertEquals(3.0, p.millis(0.51));
  }
}
