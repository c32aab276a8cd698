package org.iprradar.detect.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class RecyclingMemoryIndexTest {

  @Test
  void shouldReachTheRecyclingConstructorOfThisLuceneVersion() {
    // If a Lucene upgrade hides it, matching stays correct but slows down: notice it here.
    assertTrue(RecyclingMemoryIndex.recycles());
  }

  @Test
  void shouldForgetTheFormerListingOnReset() throws IOException {
    var analyzer = new ListingAnalyzer();
    var index = RecyclingMemoryIndex.create();
    index.addField("title", analyzer.tokenStream("title", "古驰 高仿"));
    index.reset();
    index.addField("title", analyzer.tokenStream("title", "耐克 跑鞋"));

    var searcher = index.createSearcher();

    assertEquals(0, searcher.count(new TermQuery(new Term("title", "古"))));
    assertEquals(1, searcher.count(new TermQuery(new Term("title", "耐"))));
  }
}
