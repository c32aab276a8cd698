package org.iprradar.ingest.http;

/** The answer when a request cannot be processed at all. */
public record ErrorResponse(String error, String message) {}
