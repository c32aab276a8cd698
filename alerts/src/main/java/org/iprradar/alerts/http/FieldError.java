package org.iprradar.alerts.http;

/** A 400 answer that names the field of the request body that is missing or wrong. */
public record FieldError(String error, String field, String message) {}
