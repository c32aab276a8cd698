package org.iprradar.web.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import org.iprradar.web.security.Roles;

/** Writes and reads behind roles, as the apps' controllers have them. */
@Controller
@Requires(property = "audit-test.enabled", value = "true")
final class AuditTestController {

  /** A feed's answer: the records it carried. */
  record Taken(int accepted) implements RecordCount {
    @Override
    public int recordCount() {
      return accepted;
    }
  }

  @Post(value = "/things/{thingId}", consumes = MediaType.APPLICATION_JSON)
  @Secured({Roles.PARTNER})
  HttpResponse<Taken> take(String thingId, @Body List<Map<String, Object>> things) {
    return HttpResponse.accepted().body(new Taken(things.size()));
  }

  @Get("/things")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<String> list() {
    return List.of("a");
  }

  @Post(value = "/login", consumes = MediaType.APPLICATION_JSON)
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> login(@Body Map<String, Object> credentials) {
    return HttpResponse.unauthorized();
  }
}
