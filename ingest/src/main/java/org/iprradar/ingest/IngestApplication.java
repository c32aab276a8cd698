package org.iprradar.ingest;

import io.micronaut.runtime.Micronaut;

/** Runs ingest on its own against the cluster named by {@code kafka.bootstrap-servers}. */
public final class IngestApplication {
  private IngestApplication() {}

  public static void main(String[] args) {
    Micronaut.run(IngestApplication.class, args);
  }
}
