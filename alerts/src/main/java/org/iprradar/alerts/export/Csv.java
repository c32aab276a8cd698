package org.iprradar.alerts.export;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV document as RFC 4180 writes it (CRLF line ends, fields with commas, quotes or line breaks
 * quoted, quotes doubled), in UTF-8 with a byte order mark: without the mark Excel reads the bytes
 * in the system's code page and Chinese text turns into mojibake.
 */
public final class Csv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final StringBuilder text = new StringBuilder();

  /**
   * Adds one record. Numbers are written as they are; everything else is text (see {@link #cell}).
   */
  public Csv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(cell(cells.get(i)));
    }
    text.append("\r\n");
    return this;
  }

  public Csv row(Object... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  /** The document as bytes: the UTF-8 byte order mark, then the records. */
  public byte[] toBytes() {
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /**
   * One field. Null is empty. A number is written plainly, so a spreadsheet can sum it. Text that a
   * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return)
   * gets a leading apostrophe: a seller controls titles and shop names, and a title such as {@code
   * =HYPERLINK(...)} must stay text on an official's machine.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal amount) {
      return amount.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return quote(defuse(value.toString()));
  }

  static String defuse(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  static String quote(String text) {
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
