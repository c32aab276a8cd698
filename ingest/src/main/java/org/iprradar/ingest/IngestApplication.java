package org.iprradar.ingest;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Runs ingest on its own against the cluster named by {@code kafka.bootstrap-servers}. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "IPR Radar ingest",
            version = "v1",
            description =
                "Partners post marketplace listings: one, a JSON array, or NDJSON. Every error"
                    + " answers {\"error\", \"message\"}."))
public final class IngestApplication {
  private IngestApplication() {}

  public static void main(String[] args) {
    Micronaut.run(IngestApplication.class, args);
  }
}
