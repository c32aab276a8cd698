package org.iprradar.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.iprradar.common.json.Json;
import org.iprradar.detect.TaobaoTitle;
import org.iprradar.ingest.validate.ListingValidator;
import org.iprradar.ingest.validate.RawRecord;
import org.junit.jupiter.api.Test;

class ListingSourceTest {

  /**
   * A listing the load run posts that ingest refuses counts against the step: every title of the
   * data set must make a listing ingest takes, those whose crawl broke a character included.
   */
  @Test
  void ingestTakesTheListingOfEveryTitle() throws IOException {
    assumeTrue(Files.exists(TaobaoTitle.FROM_MODULE), "no data set at " + TaobaoTitle.FROM_MODULE);
    var titles = TaobaoTitle.read(TaobaoTitle.FROM_MODULE);
    var source = new ListingSource(titles, "test", 5_000, 42);
    var validator = new ListingValidator(Clock.systemUTC());
    var refused = new ArrayList<String>();
    for (int n = 0; n < titles.size(); n++) {
      var record = new RawRecord(n, n + 1, Json.mapper().readTree(source.line(n)), null);
      var verdict = validator.validate(record, Map.of());
      if (!verdict.valid()) {
        refused.add(n + ": " + verdict);
      }
    }
    assertTrue(
        refused.isEmpty(),
        refused.size() + " refused, first " + refused.stream().limit(3).toList());
  }
}
