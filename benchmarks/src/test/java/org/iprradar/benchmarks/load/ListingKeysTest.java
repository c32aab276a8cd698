package org.iprradar.benchmarks.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingKeysTest {

  @Test
  void leadKeyIsTheAssessmentsOwnNotANestedOrOtherOne() throws IOException {
    String lead =
        """
        {"key":"taobao:s1:COUNTERFEIT_TRADEMARK","listingKey":"taobao:top",
         "other":{"listingKey":"taobao:other","list":[{"listingKey":"taobao:deep"}]},
         "assessment":{"signals":[{"listingKey":"taobao:in-signal"}],
                       "listingKey":"taobao:full-42","score":82.5}}
        """;
    assertEquals("taobao:full-42", ListingKeys.ofLead(lead.getBytes(UTF_8)));
    assertNull(ListingKeys.ofLead("{\"assessment\":null}".getBytes(UTF_8)));
  }

  @Test
  void alertKeysAreEachKeptListingsInOrder() throws IOException {
    String alert =
        """
        {"id":"a1","listingKey":"taobao:top","history":[{"listingKey":"taobao:in-history"}],
         "listings":[
           {"listingKey":"taobao:full-7","signals":[{"evidence":[{"listingKey":"taobao:x"}]}]},
           {"title":"没有键","price":1.5},
           {"listingKey":"taobao:full-3","title":"LV 高仿 \\"quoted\\""}],
         "deliveries":[]}
        """;
    List<String> keys = new ArrayList<>();
    ListingKeys.ofAlert(alert.getBytes(UTF_8), keys::add);
    assertEquals(List.of("taobao:full-7", "taobao:full-3"), keys);
  }

  @Test
  void brokenJsonIsAnErrorTheWatcherCounts() {
    assertThrows(IOException.class, () -> ListingKeys.ofLead("[1,2]".getBytes(UTF_8)));
    assertThrows(
        IOException.class,
        () -> ListingKeys.ofAlert("{\"listings\":[{\"listingKey\":".getBytes(UTF_8), k -> {}));
  }
}
