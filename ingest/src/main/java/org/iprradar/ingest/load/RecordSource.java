package org.iprradar.ingest.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.iprradar.common.json.Json;
import org.iprradar.ingest.validate.InvalidUtf8Exception;
import org.iprradar.ingest.validate.RawRecord;
import org.iprradar.ingest.validate.RecordSplitter;

/**
 * Reads the records of an NDJSON or CSV file one at a time, so a file may be larger than memory.
 */
abstract class RecordSource implements Closeable {

  /** The next record, or null at the end of the file. */
  abstract SourceRecord next() throws IOException;

  /** CSV for a {@code .csv} file, NDJSON otherwise. */
  static RecordSource open(Path file, HeaderMapping mapping) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    var counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    return name.endsWith(".csv") ? new Csv(counting, mapping) : new Ndjson(counting);
  }

  /** Counts the bytes read, for progress. */
  static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static final class Ndjson extends RecordSource {
    private final CountingStream in;
    private int lineNo;
    private int index;

    Ndjson(CountingStream in) {
      this.in = in;
    }

    @Override
    SourceRecord next() throws IOException {
      while (true) {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
          bytes.write(b);
        }
        if (b < 0 && bytes.size() == 0) {
          return null;
        }
        lineNo++;
        byte[] line = bytes.toByteArray();
        String text;
        try {
          text = RecordSplitter.decode(line, 0, line.length);
        } catch (InvalidUtf8Exception e) {
          return new SourceRecord(
              new RawRecord(index++, lineNo, null, e.getMessage()),
              new String(line, StandardCharsets.UTF_8),
              in.count);
        }
        if (text.isBlank()) {
          continue;
        }
        RawRecord raw;
        try {
          raw = new RawRecord(index, lineNo, Json.mapper().readTree(text), null);
        } catch (IOException e) {
          raw = new RawRecord(index, lineNo, null, "malformed JSON: " + e.getMessage());
        }
        index++;
        return new SourceRecord(raw, text.strip(), in.count);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static final class Csv extends RecordSource {
    private final CountingStream in;
    private final CsvParser parser;
    private final HeaderMapping mapping;
    private List<String> fields;
    private int index;

    Csv(CountingStream in, HeaderMapping mapping) {
      this.in = in;
      // Broken bytes become U+FFFD, which the validator refuses with the field's name.
      this.parser = new CsvParser(new InputStreamReader(in, StandardCharsets.UTF_8));
      this.mapping = mapping;
    }

    @Override
    SourceRecord next() throws IOException {
      if (fields == null) {
        List<String> header = parser.next();
        if (header == null) {
          return null;
        }
        fields = mapping.fields(header);
      }
      List<String> row;
      do {
        row = parser.next();
        if (row == null) {
          return null;
        }
      } while (row.size() == 1 && row.get(0).isBlank());
      var json = mapping.record(fields, row);
      var raw =
          row.size() != fields.size()
              ? new RawRecord(
                  index,
                  parser.line(),
                  null,
                  "has " + row.size() + " columns, the header has " + fields.size())
              : new RawRecord(index, parser.line(), json, null);
      index++;
      return new SourceRecord(raw, json.toString(), in.count);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
