package org.iprradar.alerts.http;

import java.time.Instant;

/**
 * A routing change written to Kafka; every instance routes with it a moment later.
 *
 * @param version the new version; {@code GET /api/v1/routing} shows it once in force here
 */
public record RoutingAccepted(int version, String changedBy, Instant changedAt, String comment) {}
