package org.iprradar.web;

/**
 * The body of every error answer: a stable code for programs and a sentence for people.
 *
 * @param error snake_case code, such as {@code not_found} or {@code malformed_body}
 * @param message what went wrong, naming the parameter or field when there is one
 */
public record ErrorBody(String error, String message) {}
