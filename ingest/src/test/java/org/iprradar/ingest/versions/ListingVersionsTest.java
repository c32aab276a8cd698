package org.iprradar.ingest.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListingVersionsTest {

  private final ListingVersions versions = new ListingVersions();

  private static boolean own(ListingVersions table, byte[] header, String key) {
    int separator = new String(header, StandardCharsets.US_ASCII).indexOf('@');
    return table.ownAndSettled(header, separator, () -> key);
  }

  @Test
  void shouldPassOverOnlyRecordsThisInstanceWrote() {
    assertTrue(own(versions, versions.versionHeader(3), "taobao:1"));

    // Another instance, or this one before a restart, has a tag of its own.
    var other = new ListingVersions();
    assertFalse(own(versions, other.versionHeader(3), "taobao:1"));
    assertFalse(own(other, versions.versionHeader(3), "taobao:1"));
    // Headers written before the tag existed hold the digits only.
    assertFalse(own(versions, "3".getBytes(StandardCharsets.US_ASCII), "taobao:1"));
    // A tag cut short is not this instance's.
    byte[] header = versions.versionHeader(3);
    byte[] cut = java.util.Arrays.copyOf(header, header.length - 1);
    assertFalse(own(versions, cut, "taobao:1"));
  }

  @Test
  void shouldReadBackOwnRecordsOfAKeyWhoseReservationWasGivenBack() {
    var reservation = versions.reserve("taobao:1", 3);
    assertNotNull(reservation);
    // Kafka answered with an error, yet a timed-out send may have been written after all.
    versions.release(reservation);
    assertEquals(-1, versions.latest("taobao:1"));

    assertFalse(own(versions, versions.versionHeader(3), "taobao:1"));
    assertTrue(own(versions, versions.versionHeader(3), "taobao:2"));
    // Read back, the record's version is then known, and the retry is a duplicate.
    versions.observe("taobao:1", 3);
    assertNull(versions.reserve("taobao:1", 3));
  }
}
