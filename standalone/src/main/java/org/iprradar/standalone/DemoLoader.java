package org.iprradar.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.iprradar.ingest.http.IngestResponse;
import org.iprradar.ingest.http.ListingIngestor;

/** Loads the bundled demo listings through the same path as a partner's HTTP request. */
final class DemoLoader {

  static final String RESOURCE = "demo/listings.ndjson";

  private DemoLoader() {}

  static IngestResponse load(ListingIngestor ingestor) {
    try (InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo data " + RESOURCE + " is missing from the jar");
      }
      return ingestor.ingest(in.readAllBytes(), true).get(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the demo listings: " + e.getMessage(), e);
    }
  }
}
