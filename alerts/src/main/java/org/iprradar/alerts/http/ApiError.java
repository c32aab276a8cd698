package org.iprradar.alerts.http;

/** An error answer of the alerts API. */
public record ApiError(String error, String message) {}
