package org.iprradar.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.iprradar.ingest.validate.BodyFormatException;

/**
 * Reads a request body within a size limit, decompressing gzip. The limit applies to the
 * decompressed bytes too: a small gzip body can expand a thousandfold.
 */
final class RequestBodies {

  private RequestBodies() {}

  static byte[] read(byte[] body, String contentEncoding, long limit)
      throws PayloadTooLargeException, BodyFormatException {
    if (body.length > limit) {
      throw tooLarge(limit);
    }
    String encoding =
        contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    boolean gzipMagic = body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    if (encoding.isEmpty() || encoding.equals("identity")) {
      return body;
    }
    if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
      throw new BodyFormatException(
          "Content-Encoding '" + contentEncoding + "' is not supported: send gzip or nothing");
    }
    if (!gzipMagic) {
      // The server may have decompressed the body already; plain bytes are taken as they are.
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      var out =
          new ByteArrayOutputStream(Math.min(body.length * 4, (int) Math.min(limit, 1 << 24)));
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) {
          throw tooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new BodyFormatException("the gzip body cannot be decompressed: " + e.getMessage());
    }
  }

  private static PayloadTooLargeException tooLarge(long limit) {
    return new PayloadTooLargeException(
        "the request body is larger than "
            + limit
            + " bytes (ipr.ingest.max-request-bytes, after decompression); split it into smaller"
            + " requests");
  }
}
