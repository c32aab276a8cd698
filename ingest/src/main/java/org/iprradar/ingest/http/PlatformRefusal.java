package org.iprradar.ingest.http;

import java.util.List;

/**
 * The 403 answer when a partner's request names a platform the partner may not write for. Nothing
 * of such a request is written, so the partner fixes the named records and sends it again.
 *
 * @param records every offending record, by its position in the request
 */
public record PlatformRefusal(String error, String message, List<Offence> records) {

  /**
   * @param index position of the record in the request, from 0
   * @param line line number in an NDJSON body, or null
   * @param platform the platform the record names
   */
  public record Offence(int index, Integer line, String platform) {}
}
