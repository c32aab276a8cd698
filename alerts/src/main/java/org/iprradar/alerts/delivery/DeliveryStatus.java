package org.iprradar.alerts.delivery;

import java.time.Instant;

/**
 * How the delivery of one alert version to one bureau ended.
 *
 * @param delivered true when the bureau answered 2xx
 * @param attempts requests sent, the first one included
 * @param httpStatus the last response's status, or 0 when the last attempt got no response
 * @param detail why it failed, in one line; "delivered" otherwise
 * @param at when it ended
 */
public record DeliveryStatus(
    String alertId,
    String bureauId,
    String idempotencyKey,
    boolean delivered,
    int attempts,
    int httpStatus,
    String detail,
    Instant at) {}
