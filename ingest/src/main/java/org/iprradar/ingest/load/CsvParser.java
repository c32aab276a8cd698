package org.iprradar.ingest.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV: fields separated by commas, quoted with '"' when they hold commas, quotes
 * ({@code ""}) or line breaks. Platform exports put descriptions with line breaks in quotes, so a
 * row may span lines; {@link #line()} is the line a row starts on.
 */
final class CsvParser {

  private final Reader in;
  private int lineNo = 1;
  private int rowLine;
  private int pushedBack = -2;

  CsvParser(Reader in) {
    this.in = in;
  }

  /** The line the last row returned started on, from 1. */
  int line() {
    return rowLine;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  /** The next row, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    rowLine = lineNo;
    var row = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (c == -1) {
        if (quoted) {
          throw new IOException("line " + rowLine + ": a quoted field is not closed");
        }
        row.add(field.toString());
        return row;
      }
      if (quoted) {
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            pushedBack = d;
          }
        } else {
          if (c == '\n') {
            lineNo++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\r') {
        // CRLF: the '\n' ends the row.
      } else if (c == '\n') {
        lineNo++;
        row.add(field.toString());
        return row;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }
}
