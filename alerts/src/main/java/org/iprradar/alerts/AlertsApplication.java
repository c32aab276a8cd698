package org.iprradar.alerts;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Runs alerts on its own against the cluster named by {@code kafka.bootstrap-servers}. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "IPR Radar alerts",
            version = "v1",
            description =
                "Routed alerts for analysts: list, read and triage them, and see their webhook"
                    + " deliveries. Every error answers {\"error\", \"message\"}. Sign in at POST"
                    + " /login for a bearer token; analysts see only their bureau's alerts."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public final class AlertsApplication {
  private AlertsApplication() {}

  public static void main(String[] args) {
    Micronaut.run(AlertsApplication.class, args);
  }
}
