package org.iprradar.detect.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A digest depends on content only: maps and sets iterate in another order in another JVM (the
 * order of {@code Map.copyOf} changes from run to run), which must not change a version.
 */
class ContentDigestTest {

  private static String digest(Object content) {
    return ContentDigest.start().add("content", content).finish();
  }

  @Test
  void shouldNotDependOnTheOrderOfMapsAndSets() {
    var forward = new LinkedHashMap<String, Object>();
    forward.put("food", 8.0);
    forward.put("drugs", 10.0);
    forward.put("tags", new LinkedHashSet<>(List.of("a", "b", "c")));
    var backward = new LinkedHashMap<String, Object>();
    backward.put("tags", new LinkedHashSet<>(List.of("c", "b", "a")));
    backward.put("drugs", 10.0);
    backward.put("food", 8.0);

    assertEquals(digest(forward), digest(backward));
  }

  @Test
  void shouldChangeWithAnyValueOrLabel() {
    String base = digest(Map.of("food", 8.0));

    assertNotEquals(base, digest(Map.of("food", 9.0)));
    assertNotEquals(base, digest(Map.of("drugs", 8.0)));
    assertNotEquals(base, ContentDigest.start().add("other", Map.of("food", 8.0)).finish());
    assertEquals(16, base.length());
  }
}
