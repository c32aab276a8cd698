package org.iprradar.ingest.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionFollowerTest {

  private static long parse(String header) {
    byte[] bytes = header.getBytes(StandardCharsets.US_ASCII);
    return VersionFollower.parseVersion(bytes, bytes.length);
  }

  @Test
  void shouldReadTheVersionHeaderIngestWrites() {
    assertEquals(7, parse("7"));
    assertEquals(20261129083000L, parse("20261129083000"));
    assertEquals(Long.MAX_VALUE, parse(Long.toString(Long.MAX_VALUE)));
  }

  @Test
  void shouldReadTheVersionBeforeTheWriterTag() {
    byte[] header = new ListingVersions().versionHeader(42);
    int separator = new String(header, StandardCharsets.US_ASCII).indexOf('@');
    assertEquals(42, VersionFollower.parseVersion(header, separator));
  }

  @Test
  void shouldRefuseAHeaderThatIsNotAWholeNumber() {
    assertThrows(NumberFormatException.class, () -> parse(""));
    assertThrows(NumberFormatException.class, () -> parse("-1"));
    assertThrows(NumberFormatException.class, () -> parse("1.5"));
    assertThrows(NumberFormatException.class, () -> parse("99999999999999999999"));
  }
}
