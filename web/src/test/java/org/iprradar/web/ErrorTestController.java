package org.iprradar.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

/** Routes that fail in each of the ways Micronaut answers itself. */
@Controller("/test")
final class ErrorTestController {

  /** A body the tests post. */
  record Thing(String name, int size) {}

  @Get("/things")
  int count(@QueryValue int count) {
    return count;
  }

  @Post(value = "/things", consumes = MediaType.APPLICATION_JSON)
  Thing add(@Body Thing thing) {
    return thing;
  }

  @Get("/boom")
  String boom() {
    throw new IllegalStateException("secret internals of the store");
  }
}
