package org.iprradar.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * {@code GET /openapi/{name}.yml}: the OpenAPI documents the apps' builds generate into {@code
 * META-INF/swagger/} ({@code alerts.yml}, {@code ingest.yml}), as many as are on the classpath, so
 * standalone serves both.
 */
@Secured({SecurityRule.IS_ANONYMOUS})
@Controller("/openapi")
public final class OpenApiController {

  static final String YAML = "application/yaml";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.yml");

  @Get(value = "/{file}", produces = YAML)
  public HttpResponse<?> document(@PathVariable String file) {
    // Only plain names: the path must not reach other classpath resources.
    if (!NAME.matcher(file).matches()) {
      return notFound(file);
    }
    try (InputStream in =
        OpenApiController.class.getClassLoader().getResourceAsStream("META-INF/swagger/" + file)) {
      if (in == null) {
        return notFound(file);
      }
      return HttpResponse.ok(in.readAllBytes()).contentType(YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<ErrorBody> notFound(String file) {
    return HttpResponse.notFound(
            new ErrorBody("not_found", "no OpenAPI document named '" + file + "'"))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
