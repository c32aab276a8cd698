package org.iprradar.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Answers every error Micronaut produces itself (unknown route, wrong method, unsupported media
 * type, unreadable body, bad parameter, uncaught exception) with an {@link ErrorBody}, the shape
 * the controllers' own error answers have, instead of Micronaut's default JSON. Lives here rather
 * than in each app because standalone runs all of them in one context, where two replacements of
 * the default would clash.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

  @Override
  public MutableHttpResponse<ErrorBody> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    var body = new ErrorBody(code(context, status), message(context, status));
    MutableHttpResponse<ErrorBody> answer = response.body(body);
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return answer.body(null);
    }
    return answer.contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String code(ErrorContext context, HttpStatus status) {
    if (status == HttpStatus.BAD_REQUEST) {
      Throwable cause = context.getRootCause().orElse(null);
      Argument<?> argument = argumentOf(cause);
      if (argument != null) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class)
            ? "malformed_body"
            : "bad_parameter";
      }
      // Jackson's and Micronaut's JSON parse errors alike.
      if (cause != null && cause.getClass().getName().contains("Json")) {
        return "malformed_body";
      }
      return "bad_request";
    }
    if (status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE) {
      return "internal_error";
    }
    // not_found, method_not_allowed, unsupported_media_type, not_acceptable, ...
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** The request argument (parameter, header, body) that could not be bound, if that failed. */
  private static Argument<?> argumentOf(Throwable cause) {
    if (cause instanceof ConversionErrorException e) {
      return e.getArgument();
    }
    if (cause instanceof UnsatisfiedArgumentException e) {
      return e.getArgument();
    }
    if (cause instanceof UnsatisfiedRouteException e) {
      return e.getArgument();
    }
    return null;
  }

  private static String message(ErrorContext context, HttpStatus status) {
    if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
      // The exception's text may name internals; Micronaut logs it in full.
      return "the server failed to answer this request; its log has the details";
    }
    if (status == HttpStatus.NOT_FOUND) {
      return "no resource at " + context.getRequest().getPath();
    }
    // Micronaut's own sentence: it names the method and the allowed ones, the parameter, the type.
    return context.getErrors().isEmpty()
        ? status.getReason()
        : context.getErrors().get(0).getMessage();
  }
}
