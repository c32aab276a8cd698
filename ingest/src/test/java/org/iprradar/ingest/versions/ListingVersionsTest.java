package org.iprradar.ingest.versions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ListingVersionsTest {

  private final ListingVersions versions = new ListingVersions();

  @Test
  void shouldPassOverOnlyRecordsThisInstanceWrote() {
    byte[] own = versions.writerId();
    assertTrue(versions.ownAndSettled(own, () -> "taobao:1"));

    // Another instance, or this one before a restart, has an id of its own.
    byte[] other = new ListingVersions().writerId();
    assertFalse(Arrays.equals(own, other));
    assertFalse(versions.ownAndSettled(other, () -> "taobao:1"));
    // A record from another writer (a partner's own producer) has no writer header.
    assertFalse(versions.ownAndSettled(null, () -> "taobao:1"));
  }

  @Test
  void shouldReadBackOwnRecordsOfAKeyWhoseReservationWasGivenBack() {
    var reservation = versions.reserve("taobao:1", 3);
    assertNotNull(reservation);
    // Kafka answered with an error, yet a timed-out send may have been written after all.
    versions.release(reservation);
    assertEquals(-1, versions.latest("taobao:1"));

    assertFalse(versions.ownAndSettled(versions.writerId(), () -> "taobao:1"));
    assertTrue(versions.ownAndSettled(versions.writerId(), () -> "taobao:2"));
    // Read back, the record's version is then known, and the retry is a duplicate.
    versions.observe("taobao:1", 3);
    assertNull(versions.reserve("taobao:1", 3));
  }

  @Test
  void shouldNotHandOutItsIdForChanging() {
    byte[] id = versions.writerId();
    Arrays.fill(id, (byte) 0);
    assertFalse(Arrays.equals(id, versions.writerId()));
    assertArrayEquals(versions.writerId(), versions.writerId());
  }
}
