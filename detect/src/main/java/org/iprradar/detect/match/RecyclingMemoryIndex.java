package org.iprradar.detect.match;

import java.lang.reflect.Constructor;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * Creates memory indexes that keep their blocks across {@link MemoryIndex#reset()}. An index made
 * by a public constructor may keep none, so after a reset it allocates and zeroes a 32 KB byte
 * block and a 32 KB int block again for the next listing: a third of the cost of indexing a title.
 * The constructor that takes how much to keep is package-private in Lucene 9 and is called by
 * reflection; where that is refused (a module system, another Lucene version) the public
 * constructor still gives a correct index, only a slower one.
 */
final class RecyclingMemoryIndex {

  /** A byte block and an int block, twice over: more than a listing fills. */
  private static final long REUSED_BYTES = 4L * 32 * 1024;

  private static final Constructor<MemoryIndex> RECYCLING = recyclingConstructor();

  private RecyclingMemoryIndex() {}

  /** An index with offsets and without payloads, as the matcher needs. */
  static MemoryIndex create() {
    if (RECYCLING != null) {
      try {
        return RECYCLING.newInstance(true, false, REUSED_BYTES);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Fall through to the public constructor.
      }
    }
    return new MemoryIndex(true, false);
  }

  /** Whether created indexes keep their blocks; false means slower, not wrong. */
  static boolean recycles() {
    return RECYCLING != null;
  }

  private static Constructor<MemoryIndex> recyclingConstructor() {
    try {
      var constructor =
          MemoryIndex.class.getDeclaredConstructor(boolean.class, boolean.class, long.class);
      constructor.setAccessible(true);
      return constructor;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
