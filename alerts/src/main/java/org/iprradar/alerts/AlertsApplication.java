package org.iprradar.alerts;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Runs alerts on its own against the cluster named by {@code kafka.bootstrap-servers}. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "IPR Radar alerts",
            version = "v1",
            description =
                "Routed alerts for analysts: list, read and triage them, and see their webhook"
                    + " deliveries. Every error answers {\"error\", \"message\"}."))
public final class AlertsApplication {
  private AlertsApplication() {}

  public static void main(String[] args) {
    Micronaut.run(AlertsApplication.class, args);
  }
}
